// The lint rules that keep features on the store's reads and apart from each other (eslint.config.js): a probe
// file linted as if it sat in a feature folder, where each banned import must be reported and each allowed one not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

async function restricted(code: string, filePath: string): Promise<number[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
}

const PROBE = [
  "import { db } from '../../store/db';",
  "import { useLiveQuery } from 'dexie-react-hooks';",
  "import { ProjectForm } from '../projects/ProjectForm';",
  "import { DashboardScreen } from '../../features/dashboard/DashboardScreen';",
  "import { usePrograms } from '../../store/catalog';",
  "import { buildRows } from './timeline-layout';",
  "import { UndoButton } from '../../components/UndoButton';",
  'export const all = [db, useLiveQuery, ProjectForm, DashboardScreen, usePrograms, buildRows, UndoButton];',
].join('\n');

describe('feature boundaries', () => {
  it('bar a feature from Dexie tables, live queries of its own and other features', async () => {
    expect(await restricted(PROBE, 'renderer/features/timeline/probe.ts')).toEqual([1, 2, 3, 4]);
  }, 60_000);

  it('leave the store itself free to use them', async () => {
    expect(await restricted(PROBE.split('\n').slice(0, 2).join('\n') + '\nexport const all = [db, useLiveQuery];', 'renderer/store/probe.ts')).toEqual([]);
  }, 60_000);
});
