// The built-in catalog edition (MEXT life-science programs, FY2025), validated by the same gate as any import.
// Shipped as JSON in assets/ so a new edition is data, not code.
import rawCatalog from '../../assets/catalog/mext-life-science-fy2025.json';
import { parseCatalogEdition } from './schema';
import type { CatalogEdition } from './schema';

function load(): CatalogEdition {
  const parsed = parseCatalogEdition(rawCatalog);
  if (!parsed.ok) {
    throw new Error(`Built-in catalog is invalid: ${parsed.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return parsed.catalog;
}

export const BUILTIN_CATALOG: CatalogEdition = load();
