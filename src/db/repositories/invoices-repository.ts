import type { Database } from '../database.ts';
import { changedOneRow } from '../changed-one-row.ts';
import type { InvoiceStatus } from '../../domain/invoice-reconciliation.ts';

export type InvoiceLineRecord = {
  id: number;
  lineNo: number;
  grantId: number;
  periodFrom: string;
  periodTo: string;
  hours: number;
  amountKr: number;
  review: { decision: 'accepted' | 'rejected'; note: string; reviewedBy: number; reviewedAt: string } | null;
};

export type InvoiceRecord = {
  id: number;
  providerId: number;
  providerName: string;
  invoiceNumber: string;
  periodFrom: string;
  periodTo: string;
  receivedOn: string;
  source: 'manual' | 'csv';
  status: InvoiceStatus;
  recordedBy: number;
  attestedBy: number | null;
  attestedByName: string | null;
  attestedAt: string | null;
  approvedBy: number | null;
  approvedByName: string | null;
  approvedAt: string | null;
  amountKr: number;
  hours: number;
  lines: InvoiceLineRecord[];
};

export type InvoiceLineInput = { grantId: number; periodFrom: string; periodTo: string; hours: number; amountKr: number };

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const select = `select i.id, i.provider_id as "providerId", p.name as "providerName", i.invoice_number as "invoiceNumber",
    i.period_from as "periodFrom", i.period_to as "periodTo", i.received_on as "receivedOn", i.source, i.status,
    i.recorded_by as "recordedBy", i.attested_by as "attestedBy", ua.name as "attestedByName", i.attested_at as "attestedAt",
    i.approved_by as "approvedBy", up.name as "approvedByName", i.approved_at as "approvedAt",
    coalesce((select sum(l.amount_kr) from invoice_lines l where l.invoice_id = i.id), 0) as "amountKr",
    coalesce((select sum(l.hours) from invoice_lines l where l.invoice_id = i.id), 0) as "hours",
    coalesce((select json_agg(json_build_object('id', l.id, 'lineNo', l.line_no, 'grantId', l.grant_id,
        'periodFrom', to_char(l.period_from, 'YYYY-MM-DD'), 'periodTo', to_char(l.period_to, 'YYYY-MM-DD'),
        'hours', l.hours, 'amountKr', l.amount_kr, 'reviewDecision', l.review_decision, 'reviewNote', l.review_note,
        'reviewedBy', l.reviewed_by, 'reviewedAt', l.reviewed_at) order by l.line_no)
      from invoice_lines l where l.invoice_id = i.id), '[]'::json) as lines
  from invoices i join providers p on p.id = i.provider_id
    left join users ua on ua.id = i.attested_by left join users up on up.id = i.approved_by`;

type RawLine = Omit<InvoiceLineRecord, 'review'> & {
  reviewDecision: 'accepted' | 'rejected' | null;
  reviewNote: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
};
type RawInvoice = Omit<InvoiceRecord, 'lines'> & { lines: RawLine[] };

function toRecord(row: RawInvoice): InvoiceRecord {
  return {
    ...row,
    attestedAt: iso(row.attestedAt),
    approvedAt: iso(row.approvedAt),
    lines: row.lines.map(({ reviewDecision, reviewNote, reviewedBy, reviewedAt, ...line }) => ({
      ...line,
      hours: Number(line.hours),
      amountKr: Number(line.amountKr),
      review:
        reviewDecision === null
          ? null
          : { decision: reviewDecision, note: reviewNote ?? '', reviewedBy: reviewedBy!, reviewedAt: iso(reviewedAt)! },
    })),
  };
}

export function invoicesRepository(db: Database) {
  return {
    async create(input: {
      municipalityId: number;
      providerId: number;
      invoiceNumber: string;
      periodFrom: string;
      periodTo: string;
      receivedOn: string;
      source: 'manual' | 'csv';
      recordedBy: number;
      lines: InvoiceLineInput[];
    }): Promise<number> {
      const [row] = await db.query<{ id: number }>(
        `insert into invoices (municipality_id, provider_id, invoice_number, period_from, period_to, received_on, source, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [
          input.municipalityId,
          input.providerId,
          input.invoiceNumber,
          input.periodFrom,
          input.periodTo,
          input.receivedOn,
          input.source,
          input.recordedBy,
        ],
      );
      let lineNo = 0;
      for (const line of input.lines) {
        lineNo += 1;
        await db.query(
          `insert into invoice_lines (municipality_id, invoice_id, line_no, grant_id, period_from, period_to, hours, amount_kr)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [input.municipalityId, row!.id, lineNo, line.grantId, line.periodFrom, line.periodTo, line.hours, line.amountKr],
        );
      }
      return row!.id;
    },
    async findById(municipalityId: number, id: number): Promise<InvoiceRecord | null> {
      const [row] = await db.query<RawInvoice>(`${select} where i.municipality_id = $1 and i.id = $2`, [municipalityId, id]);
      return row ? toRecord(row) : null;
    },
    async list(filter: { municipalityId: number; status?: InvoiceStatus | null; limit: number }): Promise<InvoiceRecord[]> {
      const rows = await db.query<RawInvoice>(
        `${select} where i.municipality_id = $1 and ($2::text is null or i.status = $2) order by i.period_from desc, i.id desc limit $3`,
        [filter.municipalityId, filter.status ?? null, filter.limit],
      );
      return rows.map(toRecord);
    },
    /** Invoice lines of approved-for-payment and pending invoices whose period overlaps [from, to], for the economy. */
    async listLinesOverlapping(input: {
      municipalityId: number;
      from: string;
      to: string;
    }): Promise<(InvoiceLineInput & { status: string })[]> {
      return db.query(
        `select l.grant_id as "grantId", l.period_from as "periodFrom", l.period_to as "periodTo", l.hours, l.amount_kr as "amountKr", i.status
         from invoice_lines l join invoices i on i.id = l.invoice_id
         where l.municipality_id = $1 and l.period_from <= $3 and l.period_to >= $2 and coalesce(l.review_decision, '') <> 'rejected'
         order by l.grant_id, l.period_from`,
        [input.municipalityId, input.from, input.to],
      );
    },
    /** Who each grant belongs to and which provider serves it (the pladsmentor's provider, else the mentor's). */
    async grantLinksOf(
      municipalityId: number,
      grantIds: number[],
    ): Promise<{ grantId: number; citizenId: number; status: string; providerId: number | null }[]> {
      return db.query(
        `select g.id as "grantId", g.citizen_id as "citizenId", g.status, coalesce(pm.provider_id, m.provider_id) as "providerId"
         from grants g left join mentors m on m.id = g.mentor_id
           left join place_mentor_grants l on l.grant_id = g.id left join place_mentors pm on pm.id = l.place_mentor_id
         where g.municipality_id = $1 and g.id = any($2::int[])`,
        [municipalityId, grantIds],
      );
    },
    async markAttested(municipalityId: number, id: number, userId: number): Promise<boolean> {
      return changedOneRow(
        db,
        `update invoices set status = 'attested', attested_by = $3, attested_at = now()
         where municipality_id = $1 and id = $2 and status = 'received' returning id`,
        [municipalityId, id, userId],
      );
    },
    async markApproved(municipalityId: number, id: number, userId: number): Promise<boolean> {
      return changedOneRow(
        db,
        `update invoices set status = 'approved', approved_by = $3, approved_at = now()
         where municipality_id = $1 and id = $2 and status = 'attested' and attested_by <> $3 returning id`,
        [municipalityId, id, userId],
      );
    },
    async reviewLine(input: {
      municipalityId: number;
      invoiceId: number;
      lineId: number;
      decision: 'accepted' | 'rejected';
      note: string;
      reviewedBy: number;
    }): Promise<boolean> {
      return changedOneRow(
        db,
        `update invoice_lines set review_decision = $4, review_note = $5, reviewed_by = $6, reviewed_at = now()
         where municipality_id = $1 and invoice_id = $2 and id = $3 returning id`,
        [input.municipalityId, input.invoiceId, input.lineId, input.decision, input.note, input.reviewedBy],
      );
    },
  };
}
