// The `llm` back end against a local fake OpenAI-compatible server: the
// request it sends, chunking and grounding offsets, retries and back-off,
// timeouts, malformed answers and max_failure_rate, the response cache, the
// API key. Back-off waits are set to milliseconds; nothing is timed.
#include "ieval/extractors/llm/llm_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "ieval/extractors/run.h"
#include "testing/cli_runner.h"
#include "testing/fake_chat_server.h"

namespace ieval {
namespace {

using testing::ChatCompletion;
using testing::FakeChatServer;
using testing::FakeReply;
using testing::FakeRequest;
using ::testing::HasSubstr;
using ::testing::Not;

// The chunk a request carries: the default template ends with
// "Text:\n<chunk>\nAnswer:\n".
std::string ChunkOf(const FakeRequest& r) {
  const size_t begin = r.prompt.rfind("Text:\n");
  const size_t end = r.prompt.rfind("\nAnswer:\n");
  if (begin == std::string::npos || end == std::string::npos || end < begin)
    return "";
  return r.prompt.substr(begin + 6, end - begin - 6);
}

std::string Entities(
    const std::vector<std::pair<std::string, std::string>>& list) {
  nlohmann::json e = nlohmann::json::array();
  for (const auto& [text, type] : list)
    e.push_back({{"text", text}, {"type", type}});
  return nlohmann::json{{"entities", e}, {"relations", nlohmann::json::array()}}
      .dump();
}

OptionValues Options(const FakeChatServer& server, OptionValues extra = {}) {
  OptionValues o = {{"base_url", server.base_url()},
                    {"model", "test-model"},
                    {"cache", "off"},
                    {"retry_backoff", "0.001"},
                    {"timeout", "10"}};
  for (const auto& [k, v] : extra) o[k] = v;
  return o;
}

Result<std::unique_ptr<Extractor>> Create(const OptionValues& options) {
  ExtractorRegistry registry;
  (void)registry.Register(LlmExtractorInfo());
  return registry.Create("llm", options);
}

double Total(const ExtractorStats& stats, const std::string& name) {
  for (const auto& [k, v] : stats.totals)
    if (k == name) return v;
  ADD_FAILURE() << "no total " << name;
  return -1;
}

// « », U+00A0 and accents: every offset is in code points.
const Document kDoc{"d1",
                    "Le dirigeant « Kim Jong-un » est arrivé à Pyongyang.\u00A0"
                    "Vladimir Poutine l’a reçu à Moscou. Kim est reparti."};

TEST(LlmExtractor, GroundsEachChunkAndAddsTheChunkOffset) {
  FakeChatServer server([](const FakeRequest& r) {
    const std::string chunk = ChunkOf(r);
    FakeReply reply;
    if (chunk.find("Pyongyang") != std::string::npos)
      reply.body = ChatCompletion(
          Entities({{"Kim Jong-un", "PER"}, {"pyongyang", "LOC"}}));
    else if (chunk.find("Moscou") != std::string::npos)
      reply.body = ChatCompletion(
          Entities({{"Vladimir Poutine", "PER"}, {"Moscou", "LOC"}}));
    else
      reply.body = ChatCompletion(Entities({{"Kim", "PER"}}));
    return reply;
  });
  auto extractor = Create(Options(server, {{"chunk_chars", "40"}}));
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  auto out = RunExtractor(**extractor, kDoc, "llm");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(server.chat_request_count(), 3);  // three sentences, 3 chunks
  ASSERT_EQ(out->mentions.size(), 5u);
  // Code points: « is 13, Kim Jong-un 15..26, Pyongyang 42..51, U+00A0 52,
  // Vladimir Poutine 53..69, Moscou 81..87, Kim 89..92 (end exclusive).
  const std::vector<std::tuple<int64_t, int64_t, std::string, std::string>>
      expected = {{15, 26, "PER", "Kim Jong-un"},
                  {42, 51, "LOC", "Pyongyang"},
                  {53, 69, "PER", "Vladimir Poutine"},
                  {81, 87, "LOC", "Moscou"},
                  {89, 92, "PER", "Kim"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    const Mention& m = out->mentions[i];
    EXPECT_EQ(m.start, std::get<0>(expected[i])) << i;
    EXPECT_EQ(m.end, std::get<1>(expected[i])) << i;
    EXPECT_EQ(m.type, std::get<2>(expected[i])) << i;
    EXPECT_EQ(m.text.value_or(""), std::get<3>(expected[i])) << i;
  }
  const ExtractorStats stats = (*extractor)->Stats();
  EXPECT_EQ(stats.kind, "llm");
  EXPECT_EQ(Total(stats, "chunks"), 3);
  EXPECT_EQ(Total(stats, "exact"), 4);
  EXPECT_EQ(Total(stats, "normalised"), 1);  // "pyongyang"
  EXPECT_EQ(Total(stats, "tokens_in"), 30);
  EXPECT_EQ(Total(stats, "tokens_out"), 15);
  EXPECT_TRUE((*extractor)->Finish().ok());
}

TEST(LlmExtractor, SendsTheModelSchemaSeedAndPrompt) {
  FakeChatServer server([](const FakeRequest&) {
    return FakeReply{200, ChatCompletion(Entities({})), {}, 0};
  });
  auto extractor = Create(Options(
      server, {{"seed", "7"}, {"temperature", "0.5"}, {"types", "PER,LOC"}}));
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  ASSERT_TRUE((*extractor)->Extract(kDoc).ok());
  ASSERT_EQ(server.chat_request_count(), 1);
  const FakeRequest r = server.chat_requests()[0];
  EXPECT_EQ(r.path, "/v1/chat/completions");
  const auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["model"], "test-model");
  EXPECT_EQ(body["seed"], 7);
  EXPECT_EQ(body["temperature"], 0.5);
  EXPECT_EQ(body["response_format"]["type"], "json_schema");
  EXPECT_EQ(body["response_format"]["json_schema"]["schema"]["required"][0],
            "entities");
  EXPECT_THAT(r.prompt, HasSubstr("Entity types: PER, LOC."));
  EXPECT_EQ(ChunkOf(r), kDoc.text);
  EXPECT_EQ(r.headers.count("authorization"), 0u);
}

TEST(LlmExtractor, RetriesTooManyRequestsAndServerErrors) {
  std::atomic<int> calls{0};
  FakeChatServer server([&](const FakeRequest&) {
    const int n = calls++;
    if (n == 0) return FakeReply{429, "{}", {"Retry-After: 0"}, 0};
    if (n == 1) return FakeReply{503, "busy", {}, 0};
    return FakeReply{200, ChatCompletion(Entities({{"Moscou", "LOC"}})), {}, 0};
  });
  auto extractor = Create(Options(server, {{"retries", "2"}}));
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  auto out = RunExtractor(**extractor, kDoc, "llm");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->mentions.size(), 1u);
  EXPECT_EQ(out->mentions[0].start, 81);
  const ExtractorStats stats = (*extractor)->Stats();
  EXPECT_EQ(Total(stats, "requests"), 3);
  EXPECT_EQ(Total(stats, "retries"), 2);
  EXPECT_EQ(Total(stats, "failed_documents"), 0);
}

TEST(LlmExtractor, GivesUpAfterTheRetriesAndFailsPastTheFailureRate) {
  FakeChatServer server([](const FakeRequest&) {
    return FakeReply{500, "down", {}, 0};
  });
  auto strict =
      Create(Options(server, {{"retries", "1"}, {"max_failure_rate", "0"}}));
  ASSERT_TRUE(strict.ok()) << strict.status().ToString();
  auto out = RunExtractor(**strict, kDoc, "llm");
  ASSERT_TRUE(out.ok()) << "a failed request is counted, not fatal at once";
  EXPECT_TRUE(out->mentions.empty());
  EXPECT_EQ(server.chat_request_count(), 2);
  const Status finished = (*strict)->Finish();
  EXPECT_EQ(finished.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(finished.message(), HasSubstr("1 of 1 documents"));
  EXPECT_THAT(finished.message(), HasSubstr("HTTP 500"));
  EXPECT_EQ(finished.where().doc_id, "d1");
  auto tolerant =
      Create(Options(server, {{"retries", "0"}, {"max_failure_rate", "1"}}));
  ASSERT_TRUE(tolerant.ok());
  ASSERT_TRUE((*tolerant)->Extract(kDoc).ok());
  EXPECT_TRUE((*tolerant)->Finish().ok());
}

TEST(LlmExtractor, ATimedOutRequestIsAFailedDocument) {
  FakeChatServer server([](const FakeRequest&) {
    return FakeReply{200, ChatCompletion(Entities({})), {}, 1500};
  });
  auto extractor = Create(Options(
      server,
      {{"timeout", "0.2"}, {"retries", "0"}, {"max_failure_rate", "0"}}));
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  ASSERT_TRUE((*extractor)->Extract(kDoc).ok());
  const ExtractorStats stats = (*extractor)->Stats();
  ASSERT_EQ(stats.documents.size(), 1u);
  ASSERT_FALSE(stats.documents[0].problems.empty());
  EXPECT_THAT(stats.documents[0].problems[0], HasSubstr("request failed"));
  EXPECT_THAT(stats.documents[0].problems[0], HasSubstr("imeout"));
  EXPECT_FALSE((*extractor)->Finish().ok());
}

TEST(LlmExtractor, CountsMalformedAnswersPerDocument) {
  // d1: not JSON; d2: wrong schema; d3: one string not in the text, one
  // entity without a type, one type not asked for; d4: fine.
  FakeChatServer server([](const FakeRequest& r) {
    const std::string chunk = ChunkOf(r);
    std::string content;
    if (chunk.find("un") == 0) content = "Sure! Here are the entities.";
    if (chunk.find("deux") == 0) content = R"({"entities": {"text": "x"}})";
    if (chunk.find("trois") == 0)
      content = R"({"entities": [{"text": "Oslo", "type": "LOC"},
                                 {"text": "Paris", "type": "LOC"},
                                 {"text": "Paris"},
                                 {"text": "Paris", "type": "CITY"}]})";
    if (chunk.find("quatre") == 0)
      content = "```json\n" + Entities({{"Kim", "PER"}}) + "\n```";
    return FakeReply{200, ChatCompletion(content), {}, 0};
  });
  auto extractor = Create(Options(server, {{"max_failure_rate", "0.5"}}));
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  std::vector<Document> docs = {{"d1", "un texte"},
                                {"d2", "deux textes"},
                                {"d3", "trois : Paris"},
                                {"d4", "quatre : Kim"}};
  std::vector<Mention> mentions;
  for (const Document& d : docs) {
    auto out = RunExtractor(**extractor, d, "llm");
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    for (Mention& m : out->mentions) mentions.push_back(std::move(m));
  }
  // Oslo and Paris (d3), Kim (d4, inside a ```json fence); Oslo, in no
  // text, is kept without a span so that it is scored as a false positive.
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].alignment, MentionAlignment::kUngrounded);
  EXPECT_EQ(mentions[0].text, "Oslo");
  EXPECT_EQ(mentions[0].type, "LOC");
  EXPECT_EQ(mentions[0].start, 0);
  EXPECT_EQ(mentions[0].end, 0);
  EXPECT_EQ(mentions[1].alignment, MentionAlignment::kExact);
  EXPECT_EQ(mentions[1].text, "Paris");
  EXPECT_EQ(mentions[2].text, "Kim");
  const ExtractorStats stats = (*extractor)->Stats();
  ASSERT_EQ(stats.documents.size(), 4u);
  EXPECT_THAT(stats.documents[0].problems.at(0), HasSubstr("not JSON"));
  EXPECT_THAT(stats.documents[1].problems.at(0), HasSubstr("wrong schema"));
  const auto& p3 = stats.documents[2].problems;
  ASSERT_EQ(p3.size(), 3u);
  EXPECT_THAT(p3[0], HasSubstr("wrong schema"));
  EXPECT_THAT(p3[1], HasSubstr("\"CITY\" was not asked for"));
  EXPECT_THAT(p3[2], HasSubstr("not in the text: \"Oslo\""));
  EXPECT_TRUE(stats.documents[3].problems.empty());
  EXPECT_EQ(Total(stats, "ungrounded"), 1);
  EXPECT_EQ(Total(stats, "malformed"), 5);
  EXPECT_EQ(Total(stats, "failed_documents"), 2);
  EXPECT_TRUE((*extractor)->Finish().ok()) << "2 of 4 is not above 0.5";
  auto stricter = Create(Options(server, {{"max_failure_rate", "0.25"}}));
  ASSERT_TRUE(stricter.ok());
  for (const Document& d : docs) ASSERT_TRUE((*stricter)->Extract(d).ok());
  const Status finished = (*stricter)->Finish();
  EXPECT_THAT(finished.message(), HasSubstr("2 of 4 documents"));
  EXPECT_THAT(finished.message(), HasSubstr("the first, d1: "));
}

TEST(LlmExtractor, ASecondRunIsAnsweredFromTheCache) {
  FakeChatServer server([](const FakeRequest&) {
    return FakeReply{200, ChatCompletion(Entities({{"Moscou", "LOC"}})), {}, 0};
  });
  const std::string cache = testing::MakeTempDir("llm_cache") + "/cache";
  for (int run = 0; run < 2; ++run) {
    auto extractor = Create(Options(server, {{"cache", cache}}));
    ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
    auto out = RunExtractor(**extractor, kDoc, "llm");
    ASSERT_TRUE(out.ok());
    ASSERT_EQ(out->mentions.size(), 1u);
    EXPECT_EQ(out->mentions[0].start, 81);
    const ExtractorStats stats = (*extractor)->Stats();
    EXPECT_EQ(Total(stats, "cache_hits"), run == 0 ? 0 : 1);
    EXPECT_EQ(Total(stats, "requests"), run == 0 ? 1 : 0);
    EXPECT_EQ(Total(stats, "tokens_in"), run == 0 ? 10 : 0);
  }
  EXPECT_EQ(server.chat_request_count(), 1);
  // Another seed is another request: a miss.
  auto reseeded = Create(Options(server, {{"cache", cache}, {"seed", "1"}}));
  ASSERT_TRUE(reseeded.ok());
  ASSERT_TRUE((*reseeded)->Extract(kDoc).ok());
  EXPECT_EQ(server.chat_request_count(), 2);
  // refresh_cache asks again.
  auto refreshed =
      Create(Options(server, {{"cache", cache}, {"refresh_cache", "true"}}));
  ASSERT_TRUE(refreshed.ok());
  ASSERT_TRUE((*refreshed)->Extract(kDoc).ok());
  EXPECT_EQ(server.chat_request_count(), 3);
}

TEST(LlmExtractor, SendsTheKeyFromTheNamedVariableAndNeverShowsIt) {
  FakeChatServer server([](const FakeRequest&) {
    return FakeReply{200, ChatCompletion(Entities({})), {}, 0};
  });
  setenv("IEVAL_TEST_LLM_KEY", "sk-test-secret-123", 1);
  auto extractor =
      Create(Options(server, {{"api_key_env", "IEVAL_TEST_LLM_KEY"}}));
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  ASSERT_TRUE((*extractor)->Extract(kDoc).ok());
  ASSERT_EQ(server.chat_request_count(), 1);
  EXPECT_EQ(server.chat_requests()[0].headers.at("authorization"),
            "Bearer sk-test-secret-123");
  EXPECT_THAT((*extractor)->Version(), Not(HasSubstr("secret")));
  // The key itself where its variable's name belongs: refused, not quoted.
  auto refused =
      Create(Options(server, {{"api_key_env", "sk-test-secret-123"}}));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kUsage);
  EXPECT_THAT(refused.status().message(), HasSubstr("NAME of an environment"));
  EXPECT_THAT(refused.status().message(), Not(HasSubstr("secret")));
  // A variable that is not set: the variant cannot run here.
  unsetenv("IEVAL_TEST_LLM_KEY_UNSET");
  auto missing =
      Create(Options(server, {{"api_key_env", "IEVAL_TEST_LLM_KEY_UNSET"}}));
  EXPECT_EQ(missing.status().code(), Status::Code::kUnavailable);
  unsetenv("IEVAL_TEST_LLM_KEY");
}

TEST(LlmExtractor, AnUnreachableServerMakesTheVariantUnavailable) {
  std::string url;
  {
    FakeChatServer gone([](const FakeRequest&) { return FakeReply{}; });
    url = gone.base_url();
  }  // closed: its port refuses connections
  auto extractor =
      Create({{"base_url", url}, {"model", "m"}, {"cache", "off"}});
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().code(), Status::Code::kUnavailable);
  EXPECT_THAT(extractor.status().message(), HasSubstr("no server answers at"));
}

TEST(LlmExtractor, RefusesBadOptions) {
  FakeChatServer server([](const FakeRequest&) { return FakeReply{}; });
  EXPECT_THAT(Create(Options(server, {{"model", ""}})).status().message(),
              HasSubstr("'model'"));
  EXPECT_THAT(
      Create(Options(server, {{"base_url", "ftp://x"}})).status().message(),
      HasSubstr("http://"));
  EXPECT_THAT(
      Create(Options(server, {{"price_per_mtok", "cheap"}})).status().message(),
      HasSubstr("price_per_mtok"));
  const std::string dir = testing::MakeTempDir("llm_prompt");
  testing::WriteText(dir + "/p.txt", "Entities of {{texte}}");
  EXPECT_THAT(
      Create(Options(server, {{"prompt", dir + "/p.txt"}})).status().message(),
      HasSubstr("no {{text}}"));
}

TEST(LlmExtractor, CostsFollowThePrices) {
  FakeChatServer server([](const FakeRequest&) {
    return FakeReply{200, ChatCompletion(Entities({}), 1000000, 500000), {}, 0};
  });
  auto extractor = Create(Options(server, {{"price_per_mtok", "0.5,2"}}));
  ASSERT_TRUE(extractor.ok());
  ASSERT_TRUE((*extractor)->Extract(kDoc).ok());
  EXPECT_DOUBLE_EQ(Total((*extractor)->Stats(), "cost"), 0.5 + 1.0);
}

}  // namespace
}  // namespace ieval
