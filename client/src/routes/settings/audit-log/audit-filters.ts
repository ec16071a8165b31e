import { createSignal } from 'solid-js';
import type { AuditLogFilter } from '../../../gql/graphql';

export type AuditFilterField = 'action' | 'actor' | 'from' | 'to';
const EMPTY: Record<AuditFilterField, string> = { action: '', actor: '', from: '', to: '' };

/** The audit log's filter fields; changing any of them goes back to the first page. */
export function createAuditFilters(onChange: () => void) {
  const [values, setValues] = createSignal(EMPTY);
  const day = (date: string, time: string) => (date ? new Date(`${date}T${time}`).toISOString() : undefined);
  return {
    value: (field: AuditFilterField) => values()[field],
    set: (field: AuditFilterField, value: string) => {
      setValues({ ...values(), [field]: value });
      onChange();
    },
    clear: () => {
      setValues(EMPTY);
      onChange();
    },
    any: () => Object.values(values()).some(Boolean),
    filter: (): AuditLogFilter => {
      const { action, actor, from, to } = values();
      return {
        action: action || undefined,
        actorId: actor || undefined,
        createdAt: from || to ? { from: day(from, '00:00:00'), to: day(to, '23:59:59.999') } : undefined,
      };
    },
  };
}

export type AuditFilters = ReturnType<typeof createAuditFilters>;
