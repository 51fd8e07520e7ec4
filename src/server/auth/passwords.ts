import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/**
 * argon2id with the OWASP-recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 * Parameters are stored inside each hash, so raising them later keeps old hashes verifiable.
 */
export type Argon2Params = { algorithm: 2; memoryCost: number; timeCost: number; parallelism: number };
export const argon2Params: Argon2Params = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Verifies against a fixed dummy hash, so an unknown username costs the same time as a wrong password. */
  burn(password: string): Promise<void>;
};

export function createPasswordHasher(params: Argon2Params = argon2Params): PasswordHasher {
  // Made on first use, not at start-up: starting fast matters more than the first unknown-user sign-in.
  let dummy: Promise<string> | null = null;
  return {
    hash: (password) => hash(password, params),
    verify: async (passwordHash, password) => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
    burn: async (password) => {
      dummy ??= hash('silta-dummy-password-for-timing', params);
      await verify(await dummy, password).catch(() => false);
    },
  };
}
