// The share links under every reader page: plain links to each network's own share address,
// with the page's absolute address and title encoded in them (nothing is loaded from those sites
// until a reader follows one, and no script runs), the address itself to copy (Signal has no
// share address), and a QR code of it to show from a phone. campaign.yml chooses the networks.
import type { Campaign, ShareNetwork } from "../project/campaign.ts";
import { qrCodeSvg, type QrOptions } from "../shared/qrCode.ts";
import type { LocaleView, TextLanguage } from "./locales.ts";
import type { Translate } from "./translate.ts";

interface ShareLink {
  /** The built-in network ("whatsapp") or the name campaign.yml gives an extra one. */
  network: string;
  href: string;
  label: string;
  /** The label's language where it is still the source locale's string. */
  labelLang: TextLanguage | undefined;
}

export interface SharePanel {
  /** The page's absolute address: shown to copy, and what the QR code holds. */
  url: string;
  links: ShareLink[];
  /** Whether to show the address to copy (campaign.yml's `copy`). */
  copy: boolean;
  /** The QR code of `url`, inline SVG, labelled in the page's language; worked out when read (see QrOnRead). */
  readonly qrSvg: string;
}

/**
 * A panel's QR code, made when read (once, by the page's template): a page placed from
 * .cache/pages/ never needs it, and one rendered does not hold it to the end of the build. A
 * getter of the class, so the JSON of a page (its key there) holds what it is made of instead,
 * the address and the locale (whose UI strings give the label), and Eleventy passes it as it is.
 */
class QrOnRead {
  readonly #make: () => string;

  constructor(make: () => string) {
    this.#make = make;
  }

  get qrSvg(): string {
    return this.#make();
  }
}

/** Each network's share address: {url} and {title} are filled in, encoded. */
const SHARE_ADDRESSES: Record<Exclude<ShareNetwork, "copy">, string> = {
  whatsapp: "https://wa.me/?text={title}%20{url}",
  telegram: "https://t.me/share/url?url={url}&text={title}",
  email: "mailto:?subject={title}&body={title}%0A%0A{url}",
  linkedin: "https://www.linkedin.com/sharing/share-offsite/?url={url}",
  x: "https://x.com/intent/post?text={title}&url={url}",
  bluesky: "https://bsky.app/intent/compose?text={title}%20{url}",
};

/** The published address of a site path, under the path the site may live at (https://owner.github.io/repo/…). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ""), `${siteUrl}/`).href;
}

export function fillShareAddress(template: string, url: string, title: string): string {
  return template.replace(/\{(url|title)\}/g, (_, key: string) => encodeURIComponent(key === "url" ? url : title));
}

export type Sharing = (locale: LocaleView, path: string, title: string) => SharePanel;

/**
 * The share panel of a page, from its locale, path and title. The labels are worked out once
 * per locale; only the addresses and the QR code are the page's own.
 */
export function sharing(
  campaign: Campaign,
  t: Translate,
  uiTextLang: (locale: string, key: string) => TextLanguage | undefined,
  qrSvg: (text: string, label: string, options: QrOptions) => string = qrCodeSvg,
): Sharing {
  const { networks, extra } = campaign.share;
  const labels = new Map<string, { network: string; template: string; label: string; labelLang: TextLanguage | undefined }[]>();
  const labelsOf = (code: string) => {
    let known = labels.get(code);
    if (!known) {
      known = [
        ...networks
          .filter((n) => n !== "copy")
          .map((network) => ({ network, template: SHARE_ADDRESSES[network], label: t(code, `share.${network}`), labelLang: uiTextLang(code, `share.${network}`) })),
        ...extra.map((e) => ({ network: e.name, template: e.url, label: e.name, labelLang: undefined })),
      ];
      labels.set(code, known);
    }
    return known;
  };
  return (locale, path, title) => {
    const url = absoluteUrl(campaign.siteUrl, path);
    // As the page's <title>: the campaign's name tells the one who receives it what it is about.
    const text = `${title} · ${campaign.name}`;
    return Object.assign(new QrOnRead(() => qrSvg(url, t(locale.code, "share.qrLabel", { url }), { mask: 2 })), {
      url,
      links: labelsOf(locale.code).map(({ network, template, label, labelLang }) => ({ network, href: fillShareAddress(template, url, text), label, labelLang })),
      copy: networks.includes("copy"),
    });
  };
}
