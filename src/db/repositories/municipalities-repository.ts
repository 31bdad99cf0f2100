import type { Database } from '../database.ts';

export type Municipality = { id: number; code: string; name: string; settings: unknown };

export function municipalitiesRepository(db: Database) {
  return {
    async create(input: { code: string; name: string; settings: unknown }): Promise<Municipality> {
      const [row] = await db.query<Municipality>(
        'insert into municipalities (code, name, settings) values ($1, $2, $3) returning id, code, name, settings',
        [input.code, input.name, JSON.stringify(input.settings)],
      );
      return row!;
    },
    async findById(id: number): Promise<Municipality | null> {
      const [row] = await db.query<Municipality>('select id, code, name, settings from municipalities where id = $1', [id]);
      return row ?? null;
    },
    async findFirst(): Promise<Municipality | null> {
      const [row] = await db.query<Municipality>('select id, code, name, settings from municipalities order by id limit 1');
      return row ?? null;
    },
    async list(): Promise<Municipality[]> {
      return db.query<Municipality>('select id, code, name, settings from municipalities order by id');
    },
    async count(): Promise<number> {
      const [row] = await db.query<{ n: number }>('select count(*) as n from municipalities');
      return row?.n ?? 0;
    },
    async updateSettings(id: number, settings: unknown): Promise<void> {
      await db.query('update municipalities set settings = $2 where id = $1', [id, JSON.stringify(settings)]);
    },
  };
}
