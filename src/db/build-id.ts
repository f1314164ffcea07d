/**
 * Names the code that computes derived rows (the registry cache, src/db/registry-rows.ts): a
 * row computed by other code is never reused. Vite sets it at build time to a hash of the
 * domain and database sources (vite.config.ts), so every change to the clinical logic gets
 * fresh rows and a rebuild of the same code keeps them. The dev server computes it when it
 * starts, so after editing domain code in development restart it (or clear the site data) to
 * see the registry recomputed. Tests, which run the sources as they are, use 'unbuilt'.
 */
declare const __KIT_BUILD_ID__: string | undefined;

export const BUILD_ID: string = typeof __KIT_BUILD_ID__ === 'string' ? __KIT_BUILD_ID__ : 'unbuilt';
