import type { Meta, StoryObj } from "@storybook/react-vite";
import { Widget } from "@threadkit/components";
import { expect, fn, screen, userEvent, waitFor } from "storybook/test";
import { WidgetFrame } from "./_frame";

/**
 * Forms: Input, Textarea, Select (Radix), DatePicker, Checkbox (Radix) and RadioGroup (Radix)
 * inside a `Form`. Submitting gathers every named field into the action payload (dotted names
 * nest); native validation (`required`, `pattern`) blocks an invalid submission.
 */
const meta = {
  title: "Widgets/Form",
  component: Widget.Root,
  args: { widget: { type: "Card", children: [] }, onAction: fn() },
  decorators: [
    (Story) => (
      <WidgetFrame>
        <Story />
      </WidgetFrame>
    ),
  ],
} satisfies Meta<typeof Widget.Root>;
export default meta;
type Story = StoryObj<typeof meta>;

const shippingForm = {
  type: "Card",
  status: { text: "Shipping", icon: "map-pin" },
  children: [
    {
      type: "Form",
      gap: 3,
      onSubmitAction: { type: "shipping.save", payload: { orderId: "ord_42" } },
      children: [
        { type: "Title", value: "Where should we send it?" },
        {
          type: "Col",
          gap: 1,
          children: [
            { type: "Label", value: "Full name", fieldName: "address.name" },
            { type: "Input", name: "address.name", required: true, placeholder: "Ada Lovelace" },
          ],
        },
        {
          type: "Row",
          gap: 3,
          align: "start",
          children: [
            {
              type: "Col",
              gap: 1,
              flex: 1,
              children: [
                { type: "Label", value: "Postcode", fieldName: "address.postcode" },
                {
                  type: "Input",
                  name: "address.postcode",
                  required: true,
                  pattern: "[0-9]{5}",
                  placeholder: "12345",
                },
              ],
            },
            {
              type: "Col",
              gap: 1,
              flex: 1,
              children: [
                { type: "Label", value: "Country", fieldName: "address.country" },
                {
                  type: "Select",
                  name: "address.country",
                  block: true,
                  defaultValue: "de",
                  options: [
                    { value: "de", label: "Germany" },
                    { value: "fr", label: "France" },
                    { value: "nl", label: "Netherlands", description: "Ships in 2 days" },
                  ],
                },
              ],
            },
          ],
        },
        {
          type: "Col",
          gap: 1,
          children: [
            { type: "Label", value: "Delivery date", fieldName: "date" },
            { type: "DatePicker", name: "date", defaultValue: "2026-12-01", min: "2026-11-26" },
          ],
        },
        {
          type: "RadioGroup",
          name: "speed",
          ariaLabel: "Delivery speed",
          direction: "row",
          defaultValue: "standard",
          options: [
            { label: "Standard", value: "standard" },
            { label: "Express", value: "express" },
          ],
        },
        { type: "Checkbox", name: "gift", label: "This is a gift" },
        {
          type: "Col",
          gap: 1,
          children: [
            { type: "Label", value: "Note for the courier", fieldName: "note" },
            { type: "Textarea", name: "note", rows: 2, placeholder: "Leave at the door" },
          ],
        },
        { type: "Button", label: "Save address", submit: true, block: true },
      ],
    },
  ],
};

/** Fill in and submit: the play function checks the exact payload the app receives. */
export const SubmitGathersPayload: Story = {
  args: { widget: shippingForm, itemId: "itm_form" },
  play: async ({ canvas, args }) => {
    await userEvent.type(canvas.getByLabelText("Full name"), "Grace Hopper");
    await userEvent.type(canvas.getByLabelText("Postcode"), "10115");
    await userEvent.click(canvas.getByRole("combobox", { name: "Country" }));
    await userEvent.click(await screen.findByRole("option", { name: /Netherlands/ }));
    await userEvent.click(canvas.getByRole("radio", { name: "Express" }));
    await userEvent.click(canvas.getByRole("checkbox", { name: "This is a gift" }));
    await userEvent.type(canvas.getByLabelText("Note for the courier"), "Ring twice");
    await userEvent.click(canvas.getByRole("button", { name: "Save address" }));
    await waitFor(() => expect(args.onAction).toHaveBeenCalledTimes(1));
    await expect(args.onAction).toHaveBeenCalledWith(
      {
        type: "shipping.save",
        payload: {
          orderId: "ord_42",
          address: { name: "Grace Hopper", postcode: "10115", country: "nl" },
          date: "2026-12-01",
          speed: "express",
          gift: true,
          note: "Ring twice",
        },
      },
      expect.objectContaining({ itemId: "itm_form" }),
    );
  },
};

/** Native validation: an empty required field and a bad pattern block the submission. */
export const InvalidBlocksSubmit: Story = {
  args: { widget: shippingForm },
  play: async ({ canvas, args }) => {
    await userEvent.type(canvas.getByLabelText("Full name"), "Grace");
    await userEvent.type(canvas.getByLabelText("Postcode"), "abc");
    await userEvent.click(canvas.getByRole("button", { name: "Save address" }));
    await expect(args.onAction).not.toHaveBeenCalled();
    await expect(canvas.getByLabelText("Postcode")).toBeInvalid();
  },
};

/** A Select with `onChangeAction` sends the new value at once (loading `auto` → none). */
export const SelectChangeAction: Story = {
  args: {
    widget: {
      type: "Card",
      children: [
        { type: "Label", value: "Plan", fieldName: "plan" },
        {
          type: "Select",
          name: "plan",
          placeholder: "Choose a plan",
          clearable: true,
          onChangeAction: { type: "plan.preview" },
          options: [
            { value: "free", label: "Free" },
            { value: "pro", label: "Pro", description: "$20 / month" },
            { value: "team", label: "Team", disabled: true },
          ],
        },
      ],
    },
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("combobox", { name: "Plan" }));
    await userEvent.click(await screen.findByRole("option", { name: /Pro/ }));
    await expect(args.onAction).toHaveBeenCalledWith(
      { type: "plan.preview", payload: { plan: "pro" } },
      expect.anything(),
    );
  },
};

/** An asForm Card: its confirm button submits every field of the card. */
export const CardAsForm: Story = {
  args: {
    widget: {
      type: "Card",
      asForm: true,
      confirm: { label: "Rename", action: { type: "file.rename", payload: { id: "f_1" } } },
      cancel: { label: "Cancel", action: { type: "file.cancel" } },
      children: [
        { type: "Caption", value: "Rename file" },
        { type: "Text", value: "quarterly-report.pdf", editable: { name: "name", required: true } },
      ],
    },
  },
  play: async ({ canvas, args }) => {
    const field = canvas.getByRole("textbox", { name: "name" });
    await userEvent.clear(field);
    await userEvent.type(field, "q3-report.pdf");
    await userEvent.click(canvas.getByRole("button", { name: "Rename" }));
    await expect(args.onAction).toHaveBeenCalledWith(
      { type: "file.rename", payload: { id: "f_1", name: "q3-report.pdf" } },
      expect.anything(),
    );
  },
};
