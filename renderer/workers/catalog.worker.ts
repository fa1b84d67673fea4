// The catalog Worker (see catalog-jobs.ts): checks an edition and stores it, and encodes the catalog for export,
// opening the app's database itself.
import { currentCatalogEdition, importEdition, storedProgramIds } from '../store/catalog-edit';
import type { CatalogEdition } from '../../shared/catalog/schema';
import { serveWorkerApi, transferred } from '../platform/worker-client';
import { checkEdition, encodeEdition, summarizeEdition } from './catalog-edition';
import type { CatalogWorkerApi } from './catalog-jobs';

let checked: CatalogEdition | null = null;

const api: CatalogWorkerApi = {
  async check(input, lang) {
    const result = checkEdition(input, lang);
    if (!result.ok) return result;
    checked = result.catalog;
    return { ok: true, summary: summarizeEdition(result.catalog, await storedProgramIds()) };
  },
  async store() {
    if (!checked) throw new Error('no checked edition / 検査済みの版がありません');
    const catalog = checked;
    checked = null;
    return importEdition(catalog);
  },
  async exportEdition(format) {
    const catalog = await currentCatalogEdition();
    const bytes = await encodeEdition(catalog, format);
    return transferred({ editionId: catalog.edition.id, bytes }, [bytes.buffer as ArrayBuffer]);
  },
};

serveWorkerApi(api);
