// Static callback-handler public keys for the seed data: generated once with openssl (the private halves were
// discarded), so the seed is identical on every run and no key generation slows start-up.

/** RSA-2048 public keys (what Fireblocks accepts for callback authentication). */
export const SEED_RSA_PUBLIC_KEYS: readonly string[] = [
  `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw6qNrDVgaubnT+1fNmdl
OGJCPXsFIZJyt2Rpzue9SRiq1PoXeaNIjow6M1aNJ3xUOI2e0irznjl31McElPBQ
owYE4LMPdHWLsnwE4rgdo/U3+rjjvbhcfvP+szHhVqq859lFYpvgrTqlExaz/+LA
Yktrbw4yqLxKdU4hDVpOjqeM9uOIqvD6+vePtftLUt3E5qfGkI7rJczUgXcSV2rs
4pvqC71vu4ghkNRBGTupBrtB21XTOL9uPQjhXh3zhDWVnn2tH9YiVmCQaEMVij7n
OJZ4h5XWQnD3q9J15a4dLGB6li7gGx2/11+iGdbCdhkMTBCzzw9kqD6vA1ezK08v
FwIDAQAB
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvJfYrFRcf9//gCq51aP7
czTptepLQae2PmjK5mQ7d0GHk3tr5b7FpN/skeG9dv+V9buKQO9y1swKiFw12L9V
9VfWr1I2cb92YTSClZryMSvGvYMxhnNJBZH4Vv2HDyke35nrSDgECUFPY+FyPLK1
YebI6YqnRCCXqaB/j8Hku5KThgLqiliITVj0UEoC1bxrKar50c3bpXSpIvone3zd
WKoNxpHAwicaBWEIJb5GsATiuPQSHCh5eDayeg40tujGQ5i2xhJ2C6mvX1urVm+Z
xBHuty9gemh7aq9Ju1OFQcQJweIvH80/FY4xzX2wBWEZH8ttx7Qr1DIsx3mjYg2c
zwIDAQAB
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAh+vVRcYS5JTxAPxDNdBy
e9pWFeV7ufecKMB4HhBbTH26JN2xc8/Ap2+EUhmeStpMOzD6K4Gq7S5tZLGzwU16
AKK8t/aV4QGFSr/YPZ66XjP35m8Sj06t2Jm+7CmYcGYzfZRbGZTC87+M3zM51ZOB
wZm+hZwC5sLHF0hvBExjVHsZIs0Un29cPfBuf8B2TpC+L/sLWyiwaFxzcqLdPxOq
/6pJ/3/h+KR/8vK6otpwkbFxim6oByp6nlZp4hOEe+g/dSP4fZZi3byvpqFCjtSf
cS+hTUQoChVliBoluRMElSwry5geNOSb5zZkQZVItEcp10wMpUnj8n9xkJ5nGPLg
7wIDAQAB
-----END PUBLIC KEY-----
`,
  `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArUcbrS48dbbv37xF9LvQ
TnFKXtiKPhwk5r/TtgUlUmYvo0KcH10i5q+ONiMOfnp8ubmm5Hr9RfP2jrVHTHRW
ecbCH7D41Uqd2t44LktYl88D+jjHEEpvzB9UL+8qgsy1Mro6Qcl8DlRMu9IqrBZ4
HyDIKTdmpRexggAckZ+f84ngBdU01qAMiLOcQuoyadPXpPGN+/7LyKuiAieG6yv/
a1V4J7F6OUF0BCbG7+rKN3a2PfwsO8AzXDyiv8zURQltTP6yHblqUre6eZaNBtwx
LjIZms88kEIrGkW8mQxk16giyMFRYrrk+yXHI279yWNUj/ywISVAhpDoO6MLWa+8
lQIDAQAB
-----END PUBLIC KEY-----
`,
];

/** One P-256 key: newer Nitro builds accept ES256 handlers, so the console must show them too. */
export const SEED_EC_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEuDhxNjNfsq5lSfrAyqYppzJbGj4v
Nnf7CUUdYFLOqbQeLaN5HsO9Rumq2/Z/lr48qs+mgoRV3BNsc09GpmWp8Q==
-----END PUBLIC KEY-----
`;
