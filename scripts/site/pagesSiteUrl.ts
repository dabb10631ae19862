// The address a GitHub Pages deploy builds for: campaign.yml's siteUrl once someone has set it
// (a custom domain), else the address GitHub Pages gives the repository.
import { CAMPAIGN_DEFAULTS, type Campaign } from "../project/campaign.ts";

export function pagesSiteUrl(campaign: Pick<Campaign, "siteUrl">, pagesUrl: string | undefined): string {
  if (campaign.siteUrl !== CAMPAIGN_DEFAULTS.siteUrl || !pagesUrl) return campaign.siteUrl;
  return pagesUrl.replace(/\/+$/, "");
}
