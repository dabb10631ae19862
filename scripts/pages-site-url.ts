// .github/workflows/deploy.yml: prints SITE_URL=<address> for $GITHUB_ENV, from campaign.yml, or
// from the GitHub Pages address (the first argument) while campaign.yml has the example address.
//   tsx scripts/pages-site-url.ts https://owner.github.io/repo/
import { reportFailure } from "./cli.ts";
import { loadCampaign } from "./project/campaign.ts";
import { pagesSiteUrl } from "./site/pagesSiteUrl.ts";

try {
  const { SITE_URL: _ignored, ...env } = process.env;
  console.log(`SITE_URL=${pagesSiteUrl(loadCampaign(process.cwd(), env), process.argv[2])}`);
} catch (error) {
  reportFailure(error, "Finding the site's address");
}
