// libsodium-wrappers 0.7.16 ships no type declarations; prodgate uses only the sealed boxes GitHub needs.
declare module "libsodium-wrappers" {
  interface KeyPair {
    keyType: string;
    publicKey: Uint8Array;
    privateKey: Uint8Array;
  }
  interface Sodium {
    ready: Promise<void>;
    base64_variants: {
      ORIGINAL: number;
      ORIGINAL_NO_PADDING: number;
      URLSAFE: number;
      URLSAFE_NO_PADDING: number;
    };
    crypto_box_PUBLICKEYBYTES: number;
    crypto_box_SEALBYTES: number;
    crypto_box_keypair(): KeyPair;
    crypto_box_seal(message: Uint8Array | string, publicKey: Uint8Array): Uint8Array;
    crypto_box_seal_open(ciphertext: Uint8Array, publicKey: Uint8Array, privateKey: Uint8Array): Uint8Array;
    from_base64(input: string, variant?: number): Uint8Array;
    to_base64(input: Uint8Array, variant?: number): string;
    from_string(input: string): Uint8Array;
    to_string(input: Uint8Array): string;
  }
  const sodium: Sodium;
  export = sodium;
}
