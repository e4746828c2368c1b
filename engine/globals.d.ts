/**
 * The few Web-standard globals the engine may use: every host it runs in
 * (browsers, Web Workers, Node, Electron's processes) has them, while the
 * engine's tsconfig otherwise has no DOM or Node types at all.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
