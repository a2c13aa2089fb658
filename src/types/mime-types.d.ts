// mime-types ships no type declarations; prodgate uses only lookup().
declare module "mime-types" {
  /** The content type for a file name or extension, or false when unknown. */
  export function lookup(path: string): string | false;
}
