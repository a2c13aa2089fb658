/** prodgate's version, as package.json says (a unit test keeps the two equal); user agents carry it. */
export const PRODGATE_VERSION = "0.1.0";
