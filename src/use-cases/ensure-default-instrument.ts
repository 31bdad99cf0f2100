import type { Database } from '../db/database.ts';
import { instrumentsRepository } from '../db/repositories/instruments-repository.ts';
import { defaultInstrument, defaultInstrumentKey } from '../domain/progression.ts';

/**
 * Every municipality has the default BIP-inspired instrument (domain spec §5.4). Seeded at first
 * start and by the demo loader, and lazily by the follow-up use cases for municipalities created
 * before the instrument existed (so no Danish question text has to live in a migration).
 */
export async function ensureDefaultInstrument(db: Database, municipalityId: number): Promise<void> {
  const repo = instrumentsRepository(db);
  if ((await repo.latestVersionOf(municipalityId, defaultInstrumentKey)) > 0) return;
  await repo.create({
    municipalityId,
    key: defaultInstrumentKey,
    version: 1,
    isDefault: true,
    definition: defaultInstrument,
    createdBy: null,
  });
}
