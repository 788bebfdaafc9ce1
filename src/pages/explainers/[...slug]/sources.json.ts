/** `/explainers/<slug>/sources.json`: the explainer's sources as CSL-JSON. */
import type { APIContext } from 'astro';
import { getExplainers, type ExplainerEntry } from '../../../site/explainers.ts';
import { toCslJson } from '../../../site/csl.ts';

export async function getStaticPaths() {
  return (await getExplainers()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

export function GET({ props }: APIContext<{ entry: ExplainerEntry }>): Response {
  return new Response(toCslJson(props.entry.data.sources), {
    headers: { 'content-type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
}
