/** The record a message is sent from; the server files it there. */
export interface MessageTarget {
  contactId?: string;
  companyId?: string;
  dealId?: string;
}

export const targetInput = (target: MessageTarget) => ({
  contactId: target.contactId ?? null,
  companyId: target.companyId ?? null,
  dealId: target.dealId ?? null,
});
