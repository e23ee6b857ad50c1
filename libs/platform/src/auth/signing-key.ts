import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  calculateJwkThumbprint,
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';

/** The one algorithm our tokens are signed with; verifiers accept nothing else. */
export const SIGNING_ALGORITHM = 'EdDSA';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Safe to publish in a JWKS. */
  publicJwk: JWK;
}

export interface SigningKeySource {
  /** Names the key file under `dataDir/keys`. */
  name: string;
  /** A private Ed25519 JWK as JSON, from configuration; wins over the key file. */
  jwk: string | null;
  /** Where a generated key is kept so tokens survive a restart; null keeps it in memory only. */
  dataDir: string | null;
}

/**
 * The configured key, else the one generated on an earlier start, else a new one (written for the next start).
 * Several API replicas must share one configured key, or each would reject the others' tokens.
 */
export async function loadSigningKey(source: SigningKeySource): Promise<SigningKey> {
  if (source.jwk) return fromPrivateJwk(JSON.parse(source.jwk) as JWK);
  const path = source.dataDir ? join(source.dataDir, 'keys', `${source.name}.jwk.json`) : null;
  if (path) {
    const stored = await readFile(path, 'utf8').catch(() => null);
    if (stored) return fromPrivateJwk(JSON.parse(stored) as JWK);
  }
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(privateKey);
  if (path) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return fromPrivateJwk(privateJwk);
}

async function fromPrivateJwk(privateJwk: JWK): Promise<SigningKey> {
  const { d: _private, ...publicPart } = privateJwk;
  const kid = await calculateJwkThumbprint(publicPart);
  const publicJwk: JWK = { ...publicPart, kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  const privateKey = (await importJWK(
    { ...privateJwk, alg: SIGNING_ALGORITHM },
    SIGNING_ALGORITHM,
  )) as CryptoKey;
  const publicKey = (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk };
}
