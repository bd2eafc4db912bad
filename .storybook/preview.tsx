import type { Preview } from "@storybook/react-vite";

const preview: Preview = {
  parameters: {
    layout: "padded",
    // Any axe violation fails the story's test.
    a11y: { test: "error" },
  },
};
export default preview;
