import type { ClientToolHandler } from "@threadkit/hooks";

/** Deterministic "weather" for a city name, so the demo needs no network. */
function fakeWeather(city: string) {
  let hash = 0;
  for (const char of city.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const conditions = ["sunny", "partly cloudy", "overcast", "light rain", "snow showers"];
  return {
    city,
    temperature_c: (hash % 30) - 5,
    condition: conditions[hash % conditions.length] ?? "sunny",
    humidity: 40 + (hash % 50),
    source: "browser",
  };
}

/**
 * The tools the browser runs when the assistant asks for them (`client_tool_call` items).
 * Their return values go back to the server, which continues the reply with them.
 */
export const clientTools: Readonly<Record<string, ClientToolHandler>> = {
  get_weather: (args) => fakeWeather(typeof args.city === "string" ? args.city : "Paris"),
  get_location: () => ({
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    language: globalThis.navigator?.language ?? "en",
    local_time: new Date().toISOString(),
  }),
};
