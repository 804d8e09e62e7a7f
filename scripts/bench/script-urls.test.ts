import { describe, expect, it } from 'vitest';

import { scriptUrls } from './script-urls';

describe('scriptUrls', () => {
  it('collects script and preload URLs once each, skipping nomodule and other origins', () => {
    const html = `
      <link rel="stylesheet" href="/_next/static/a.css"/>
      <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>
      <script src="/_next/static/chunks/one.js" async=""></script>
      <script src="/_next/static/chunks/polyfills.js" noModule=""></script>
      <script nonce="x">self.__next_f.push([1,"<script src=/fake.js>"])</script>
      <script src="https://cdn.example.com/other.js"></script>
      <script src="/_next/static/chunks/late.js" async=""></script>`;
    expect(scriptUrls(html, 'http://localhost:3000/cosigners')).toEqual([
      'http://localhost:3000/_next/static/chunks/one.js',
      'http://localhost:3000/_next/static/chunks/late.js',
    ]);
  });
});
