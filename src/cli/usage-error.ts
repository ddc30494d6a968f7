/** Bad command-line usage: reported with a pointer to the help, exit code 2. */
export class UsageError extends Error {}
