/**
 * Puts `text` on the clipboard. The clipboard API exists only on https or localhost, and a control room often
 * serves the console over plain http on its own network: there the text is selected in `field` and copied the
 * old way. False when neither worked (the text stays selected for ctrl-C).
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, no focus): fall back to the selection.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
