/**
 * Every recorded widget fixture, imported as JSON from the read-only shared folder (see
 * shared/fixtures/SOURCES.md for where each one comes from).
 */
import advArticleList from "../../../../../shared/fixtures/widgets/adv-article-list.json";
import advArticlePreview from "../../../../../shared/fixtures/widgets/adv-article-preview.json";
import advAuthorPreview from "../../../../../shared/fixtures/widgets/adv-author-preview.json";
import advCatNameSuggestions from "../../../../../shared/fixtures/widgets/adv-cat-name-suggestions.json";
import advCatProfile from "../../../../../shared/fixtures/widgets/adv-cat-profile.json";
import advCupidProfileCard from "../../../../../shared/fixtures/widgets/adv-cupid-profile-card.json";
import advCupidProgressChart from "../../../../../shared/fixtures/widgets/adv-cupid-progress-chart.json";
import advEventList from "../../../../../shared/fixtures/widgets/adv-event-list.json";
import advFlightOptions from "../../../../../shared/fixtures/widgets/adv-flight-options.json";
import advGptchingHexagram from "../../../../../shared/fixtures/widgets/adv-gptching-hexagram.json";
import advLineSelect from "../../../../../shared/fixtures/widgets/adv-line-select.json";
import advMealPreferences from "../../../../../shared/fixtures/widgets/adv-meal-preferences.json";
import businessCanvasStepsForm from "../../../../../shared/fixtures/widgets/business-canvas-steps-form.json";
import chatkitPythonBasicRoot from "../../../../../shared/fixtures/widgets/chatkit-python-basic-root.json";
import chatkitPythonCardNoData from "../../../../../shared/fixtures/widgets/chatkit-python-card-no-data.json";
import chatkitPythonCardWithData from "../../../../../shared/fixtures/widgets/chatkit-python-card-with-data.json";
import chatkitPythonListViewNoData from "../../../../../shared/fixtures/widgets/chatkit-python-list-view-no-data.json";
import chatkitPythonListViewWithData from "../../../../../shared/fixtures/widgets/chatkit-python-list-view-with-data.json";

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
