import { InputError } from '../pricing';
import { readGrid } from './ranges';

/** A table function's scalar argument: a single value or a 1x1 range, never a larger range. */
export function readSingle(value: unknown, name: string): unknown {
  const read = readGrid(value, name);
  if (read.grid) throw new InputError(`${name} must be a single value, not a range`);
  return read.single;
}
