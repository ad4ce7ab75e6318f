/**
 * Secrets on the server: device secrets issued at registration, and the scrypt hashes that passwords and device
 * secrets are kept as. Node only (node:crypto), which is why it is not in the domain the console imports.
 */
export * from './secret-hash';
export type * from './stored-device-credentials';
export * from './secret-verifier';
