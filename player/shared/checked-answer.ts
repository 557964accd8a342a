/** An answer the contract does not describe is refused, not drawn (the staff pages parse every answer with contract/). */
export function checkedAnswer<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error('Risposta del server non valida: ricarica la pagina.');
  return parsed.data;
}
