// The project list's risk column computed in a Worker that reads IndexedDB itself: risk flags need every project and
// budget line (100,000 lines at 50,000 projects), which the Projects screen read and worked through on the main thread.
import { computeRiskFlags } from '../../shared/portfolio/risk-flags';
import type { RiskFlag } from '../../shared/portfolio/risk-flags';
import { readRiskInputs } from '../store/risks';
import { serveWorkerApi } from '../platform/worker-client';
import type { RiskFlagsApi, RiskFlagsRequest } from './risk-flags';

async function flags(req: RiskFlagsRequest): Promise<RiskFlag[]> {
  const { projects, budgetLines, milestoneFacts } = await readRiskInputs();
  return computeRiskFlags({ projects, budgetLines, milestoneFacts, programs: req.programs, today: req.today });
}

serveWorkerApi({ flags } satisfies RiskFlagsApi);
