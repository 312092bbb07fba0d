// Incremental SHA-256 over UTF-8 text, for the snapshot digest. Two implementations of the same
// function: node:crypto (native, several hundred MB/s) where the platform offers it, and
// @noble/hashes (audited, pure JavaScript) everywhere else, i.e. in the browser and the pane.
// The core imports no platform module: node:crypto is reached through process.getBuiltinModule,
// which only Node has, so a bundler never sees it.
import { sha256 } from "@noble/hashes/sha2";

/** An incremental SHA-256: text is hashed as its UTF-8 bytes. */
export interface Sha256 {
  update(text: string): void;
  /** the digest as 64 lower-case hex digits; the hasher is spent */
  hex(): string;
}

export type Sha256Factory = () => Sha256;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** @noble/hashes' SHA-256, fed the UTF-8 bytes of each text. */
export const nobleSha256: Sha256Factory = () => {
  const h = sha256.create();
  const encoder = new TextEncoder();
  return {
    update: (text) => void h.update(encoder.encode(text)),
    hex: () => hex(h.digest()),
  };
};

interface NodeHash {
  update(text: string, encoding: "utf8"): NodeHash;
  digest(encoding: "hex"): string;
}
type NodeCrypto = { createHash(algorithm: "sha256"): NodeHash };

/** node:crypto's SHA-256, or null outside Node (or on a Node without process.getBuiltinModule). */
export function nodeSha256(): Sha256Factory | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto =
    typeof proc?.getBuiltinModule === "function" ? (proc.getBuiltinModule("node:crypto") as NodeCrypto) : null;
  if (!crypto || typeof crypto.createHash !== "function") return null;
  return () => {
    const h = crypto.createHash("sha256");
    return {
      update: (text) => void h.update(text, "utf8"),
      hex: () => h.digest("hex"),
    };
  };
}

let chosen: Sha256Factory | null = null;

/** The platform's SHA-256: node:crypto in Node, @noble/hashes elsewhere. */
export const defaultSha256: Sha256Factory = () => (chosen ??= nodeSha256() ?? nobleSha256)();
