/**
 * schema.org JSON-LD for search engines and link previews: a TechArticle
 * per entry and a BreadcrumbList per breadcrumb trail. Values come from
 * the same data the page shows.
 */

/** One JSON-LD object. */
export type JsonLd = Record<string, unknown>;

/** An entry page as a TechArticle. */
export function techArticle(page: {
  url: string;
  headline: string;
  description: string;
  about: string;
  image: string;
  site: { name: string; url: string };
}): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "TechArticle",
    headline: page.headline,
    description: page.description,
    about: page.about,
    url: page.url,
    mainEntityOfPage: page.url,
    image: page.image,
    inLanguage: "en",
    publisher: { "@type": "Organization", name: page.site.name, url: page.site.url },
  };
}

/** A breadcrumb trail, each crumb with its absolute URL, the current page last. */
export function breadcrumbList(crumbs: readonly { name: string; url: string }[]): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so no
 * value can close the script element early.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
