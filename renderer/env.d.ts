/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** 'browser' in the browser build (vite.web.config.mts); the desktop build sets 'desktop'. */
  readonly NEUROLOOM_HOST?: string;
}
