import type { ImportDedupeMode, RecordVisibility } from '../../generated/prisma/enums.js';
import type { RecordAccess } from '../../auth/record-rules.js';
import type { CompanyDirectory, MemberDirectory, TagDirectory } from './directories.js';
import type { ImportMapping } from './mapping.js';
import type { CompanyValues, ContactValues } from './row-values.js';

export interface PendingRow {
  number: number;
  cells: string[];
  /** Why the reader could not read the row (a broken vCard). */
  problem?: string;
}

export interface RunSettings {
  workspaceId: string;
  importId: string;
  importerId: string;
  mode: ImportDedupeMode;
  visibility: RecordVisibility;
  mapping: ImportMapping;
  phoneCountry: string | undefined;
  /** What the importer may see: records they cannot see are never updated. */
  access: RecordAccess;
}

export interface Directories {
  members: MemberDirectory;
  tags: TagDirectory;
  companies: CompanyDirectory;
}

/** Where a row's match was found: among the workspace's records, or earlier in the same file. */
export type MatchSource = 'EXISTING' | 'IN_FILE';

export type Decision<V> =
  | { row: PendingRow; kind: 'failed'; reason: string }
  | { row: PendingRow; kind: 'skipped'; match: MatchSource; targetId: string; values: V }
  | { row: PendingRow; kind: 'create'; id: string; values: V; ownerId: string | undefined }
  | {
      row: PendingRow;
      kind: 'update';
      targetId: string;
      match: MatchSource;
      values: V;
      ownerId: string | undefined;
      /** Folded into an earlier row of the batch, whose decision now carries these values too: nothing more to write. */
      folded?: boolean;
    };

export type ContactDecision = Decision<ContactValues>;
export type CompanyDecision = Decision<CompanyValues>;

export interface BatchCounts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}
