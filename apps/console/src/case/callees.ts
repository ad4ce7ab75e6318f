import type { ElderCard } from '@eldercare/contracts';

/** Someone the operator can call about the alert: the elder (`contactIndex` null) or a contact, in order. */
export interface Callee {
  contactIndex: number | null;
  name: string;
  relation: string | null;
  phone: string;
}

export function calleesOf(elder: Pick<ElderCard, 'name' | 'phone' | 'contacts'>): Callee[] {
  return [
    { contactIndex: null, name: elder.name, relation: null, phone: elder.phone },
    ...elder.contacts.map((contact, index) => ({
      contactIndex: index,
      name: contact.name,
      relation: contact.relation,
      phone: contact.phone,
    })),
  ];
}

/** A `tel:` link for `phone`, or null when the number is masked or missing and cannot be dialled. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[\s-]/g, '');
  return /^\+?\d+$/.test(digits) ? `tel:${digits}` : null;
}
