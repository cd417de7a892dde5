// What the HTTP server hands every loader and action besides the Request.
export type BeatstallLoadContext = {
  /** Client IP as seen by the server (honours TRUST_PROXY), for download logs and rate limits. */
  ip: string
  /** This response's Content-Security-Policy nonce, for React Router's inline scripts. */
  cspNonce?: string
}

declare module 'react-router' {
  interface AppLoadContext extends BeatstallLoadContext {}
}
