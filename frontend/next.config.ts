import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Docker image runs the self-contained server; `next start` (make run, tests) does not need it.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // /api/* is forwarded by app/api/[...path]/route.ts (a streaming route handler), not by a
  // rewrite: the handler passes Server-Sent Events through chunk by chunk and keeps them
  // uncompressed.
};

export default nextConfig;
