// og:locale values (language_TERRITORY, https://ogp.me/#optional). Facebook is the consumer that
// reads them, and it accepts only its own list of locales: for most languages that is the
// language with its likely territory from CLDR (en → en_US, fr → fr_FR, pt → pt_BR, fa → fa_IR),
// which Intl.Locale#maximize gives. Facebook's list differs for a few, named below: Arabic is
// one locale there, ar_AR (CLDR would say ar_EG), and Latin American Spanish is es_LA.
// WhatsApp, Telegram, Signal and X take the tag as given or ignore it.
const FACEBOOK_LOCALES: Record<string, string> = {
  ar: "ar_AR",
  "es-419": "es_LA",
};

/** The og:locale of a locale code ("en" → "en_US", "ar" → "ar_AR", "pt-BR" → "pt_BR"). */
export function ogLocaleOf(code: string): string {
  const special = FACEBOOK_LOCALES[code] ?? FACEBOOK_LOCALES[code.toLowerCase()];
  if (special) return special;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(code);
  } catch {
    return code.replace(/-/g, "_");
  }
  const region = locale.region ?? locale.maximize().region;
  return region ? `${locale.language}_${region}` : locale.language;
}
