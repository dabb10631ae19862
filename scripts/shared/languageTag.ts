// Locale codes are BCP 47 language tags, written the canonical way (fr, ar, pt-BR, zh-Hant).

export function isLanguageTag(code: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    return canonical === code && /^[A-Za-z0-9-]+$/.test(code);
  } catch {
    return false;
  }
}

/** `"pt_br" is not a valid language tag (did you mean "pt-BR"?)`: the suggestion where Intl has one. */
export function notALanguageTag(name: string): string {
  let suggestion = "";
  try {
    suggestion = ` (did you mean "${Intl.getCanonicalLocales(name)[0]}"?)`;
  } catch {}
  return `"${name}" is not a valid language tag${suggestion}`;
}
