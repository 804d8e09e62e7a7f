// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  // The simulator and dev IdP are separate processes; keep their code out of the app bundle.
  serverExternalPackages: ['oidc-provider'],
};

export default nextConfig;
