import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../core/errors.js";
import { requireValue } from "../core/inputs.js";
import { type Inventory, parseInventory } from "../core/secret-inventory.js";

/**
 * Reads and validates the secret inventory file (the rotation sweep, rotate-secret and their CLI commands);
 * every problem names the file, line and field.
 */
export function readInventory(path: string): Inventory {
  const file = requireValue("inventory", path);
  if (!existsSync(file)) throw new InputError("inventory", `names a file that does not exist: ${file}`);
  return parseInventory(readFileSync(file, "utf8"), file);
}
