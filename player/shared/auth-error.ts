/** What the staff pages' API calls throw when the key is refused (401, 403): the page asks for a key again. */
export class AuthError extends Error {}
