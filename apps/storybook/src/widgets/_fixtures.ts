/**
 * Every recorded widget fixture, imported as JSON from the read-only shared folder (see
 * fixtures/SOURCES.md for where each one comes from).
 */
import advArticleList from "../../../../fixtures/widgets/adv-article-list.json";
import advArticlePreview from "../../../../fixtures/widgets/adv-article-preview.json";
import advAuthorPreview from "../../../../fixtures/widgets/adv-author-preview.json";
import advCatNameSuggestions from "../../../../fixtures/widgets/adv-cat-name-suggestions.json";
import advCatProfile from "../../../../fixtures/widgets/adv-cat-profile.json";
import advCupidProfileCard from "../../../../fixtures/widgets/adv-cupid-profile-card.json";
import advCupidProgressChart from "../../../../fixtures/widgets/adv-cupid-progress-chart.json";
import advEventList from "../../../../fixtures/widgets/adv-event-list.json";
import advFlightOptions from "../../../../fixtures/widgets/adv-flight-options.json";
import advGptchingHexagram from "../../../../fixtures/widgets/adv-gptching-hexagram.json";
import advLineSelect from "../../../../fixtures/widgets/adv-line-select.json";
import advMealPreferences from "../../../../fixtures/widgets/adv-meal-preferences.json";
import businessCanvasStepsForm from "../../../../fixtures/widgets/business-canvas-steps-form.json";
import chatkitPythonBasicRoot from "../../../../fixtures/widgets/chatkit-python-basic-root.json";
import chatkitPythonCardNoData from "../../../../fixtures/widgets/chatkit-python-card-no-data.json";
import chatkitPythonCardWithData from "../../../../fixtures/widgets/chatkit-python-card-with-data.json";
import chatkitPythonListViewNoData from "../../../../fixtures/widgets/chatkit-python-list-view-no-data.json";
import chatkitPythonListViewWithData from "../../../../fixtures/widgets/chatkit-python-list-view-with-data.json";

/** Fixture file name → widget root JSON. */
export const widgetFixtures: Record<string, unknown> = {
  "adv-article-list.json": advArticleList,
  "adv-article-preview.json": advArticlePreview,
  "adv-author-preview.json": advAuthorPreview,
  "adv-cat-name-suggestions.json": advCatNameSuggestions,
  "adv-cat-profile.json": advCatProfile,
  "adv-cupid-profile-card.json": advCupidProfileCard,
  "adv-cupid-progress-chart.json": advCupidProgressChart,
  "adv-event-list.json": advEventList,
  "adv-flight-options.json": advFlightOptions,
  "adv-gptching-hexagram.json": advGptchingHexagram,
  "adv-line-select.json": advLineSelect,
  "adv-meal-preferences.json": advMealPreferences,
  "business-canvas-steps-form.json": businessCanvasStepsForm,
  "chatkit-python-basic-root.json": chatkitPythonBasicRoot,
  "chatkit-python-card-no-data.json": chatkitPythonCardNoData,
  "chatkit-python-card-with-data.json": chatkitPythonCardWithData,
  "chatkit-python-list-view-no-data.json": chatkitPythonListViewNoData,
  "chatkit-python-list-view-with-data.json": chatkitPythonListViewWithData,
};
