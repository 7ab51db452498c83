// The `llm` back end through the binary: `ieval run` with the shipped
// prompt and few-shot examples against a local fake OpenAI-compatible
// server that answers each chunk with the gold strings it holds; the
// second run is answered from the cache; compare and gate take the
// reports; a key is sent but never written; too many malformed answers
// fail the variant with exit 3.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "testing/cli_runner.h"
#include "testing/fake_chat_server.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::FakeChatServer;
using testing::FakeReply;
using testing::FakeRequest;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunIeval;

const std::string kGold = std::string(IEVAL_SOURCE_DIR) + "/gold/docs";
const std::string kLlmDir = std::string(IEVAL_SOURCE_DIR) + "/extractors/llm";

// Code points of a UTF-8 string, for cutting gold spans out of the text.
std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

struct GoldDoc {
  std::u32string text;
  json entities;  // sorted by start
};

std::vector<GoldDoc> ReadGold() {
  std::vector<GoldDoc> docs;
  for (const auto& entry : fs::directory_iterator(kGold)) {
    if (entry.path().extension() != ".json") continue;
    const json doc = json::parse(testing::ReadText(entry.path().string()));
    GoldDoc g{Decode(doc["text"].get<std::string>()), doc["entities"]};
    std::sort(
        g.entities.begin(), g.entities.end(),
        [](const json& a, const json& b) { return a["start"] < b["start"]; });
    docs.push_back(std::move(g));
  }
  return docs;
}

// The chunk a request carries (the shipped prompt ends with
// "Text:\n<chunk>\nAnswer:\n").
std::string ChunkOf(const FakeRequest& r) {
  const size_t begin = r.prompt.rfind("Text:\n");
  const size_t end = r.prompt.rfind("\nAnswer:\n");
  return begin == std::string::npos || end == std::string::npos
             ? ""
             : r.prompt.substr(begin + 6, end - begin - 6);
}

// A model that knows the gold: every gold mention inside the chunk, as
// the string the text has there, in text order.
FakeReply GoldAnswer(const std::vector<GoldDoc>& gold, const FakeRequest& r) {
  const std::u32string chunk = Decode(ChunkOf(r));
  json entities = json::array();
  for (const GoldDoc& doc : gold) {
    const size_t at = doc.text.find(chunk);
    if (chunk.empty() || at == std::u32string::npos) continue;
    for (const json& e : doc.entities) {
      const size_t start = e["start"], end = e["end"];
      if (start < at || end > at + chunk.size()) continue;
      entities.push_back({{"text", Encode(doc.text.substr(start, end - start))},
                          {"type", e["type"]}});
    }
    break;
  }
  return {200,
          testing::ChatCompletion(
              json{{"entities", entities}, {"relations", json::array()}}.dump(),
              100, 20),
          {},
          0};
}

class LlmRunCli : public ::testing::Test {
 protected:
  // A run config over the shipped gold with one llm variant.
  std::string Config(const std::string& url, json extra = json::object()) {
    json options = {{"base_url", url},
                    {"model", "test-model"},
                    {"prompt", kLlmDir + "/prompt.txt"},
                    {"examples", kLlmDir + "/examples.json"},
                    {"chunk_chars", 1500},
                    {"retry_backoff", 0.001},
                    {"price_per_mtok", "0.5,2"}};
    for (auto& [k, v] : extra.items()) options[k] = v;
    const json variants = {{"variants",
                            {{{"name", "llm_fewshot"},
                              {"extractor", "llm"},
                              {"options", options}}}}};
    testing::WriteText(dir_ + "/variants.json", variants.dump());
    testing::WriteText(dir_ + "/run.json",
                       json{{"gold", kGold},
                            {"variants_file", "variants.json"},
                            {"statistics", {{"resamples", 100}}}}
                           .dump());
    return dir_ + "/run.json";
  }
  json Report(const std::string& out) {
    return json::parse(testing::ReadText(out + "/report.json"));
  }

  std::string dir_ = testing::MakeTempDir("llm_run_cli");
  std::vector<GoldDoc> gold_ = ReadGold();
};

TEST_F(LlmRunCli, ScoresTheGoldStringsThenRerunsFromTheCache) {
  FakeChatServer server(
      [this](const FakeRequest& r) { return GoldAnswer(gold_, r); });
  const std::string config = Config(server.base_url());
  const std::string cache = dir_ + "/cache";
  auto first = RunIeval(
      {"run", "--config", config, "--out", dir_ + "/out1", "--cache", cache});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.err,
              HasSubstr("variant \"llm_fewshot\" sends documents to " +
                        server.base_url() + "/chat/completions"));
  const int requests = server.chat_request_count();
  EXPECT_GT(requests, 5) << "chunks of 1,500 code points: more than one a doc";
  const json v1 = Report(dir_ + "/out1")["variants"][0];
  ASSERT_EQ(v1["status"], "ok") << v1.dump();
  EXPECT_EQ(v1["scores"]["entities"]["strict"]["overall"]["f1"], 1.0);
  EXPECT_EQ(v1["llm"]["requests"], requests);
  EXPECT_EQ(v1["llm"]["cache_hits"], 0);
  EXPECT_EQ(v1["llm"]["tokens_in"], 100 * requests);
  EXPECT_EQ(v1["llm"]["ungrounded"], 0);
  EXPECT_EQ(v1["llm"]["by_document"].size(), 5u);
  EXPECT_DOUBLE_EQ(v1["llm"]["cost"].get<double>(),
                   (100.0 * 0.5 + 20.0 * 2) * requests / 1e6);
  const std::string md = testing::ReadText(dir_ + "/out1/report.md");
  EXPECT_THAT(md, HasSubstr("## LLM usage"));

  auto second = RunIeval({"run", "--config", config, "--out", dir_ + "/out2",
                          "--cache", cache, "--quiet"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(server.chat_request_count(), requests) << "no request the 2nd time";
  const json v2 = Report(dir_ + "/out2")["variants"][0];
  EXPECT_EQ(v2["llm"]["requests"], 0);
  EXPECT_EQ(v2["llm"]["cache_hits"], requests);
  EXPECT_EQ(v2["llm"]["cost"], 0);
  EXPECT_EQ(testing::ReadText(dir_ + "/out1/predictions/llm_fewshot.jsonl"),
            testing::ReadText(dir_ + "/out2/predictions/llm_fewshot.jsonl"));

  // Ordinary variants: compare and gate take the reports unchanged.
  auto compared = RunIeval(
      {"compare", dir_ + "/out1/report.json", dir_ + "/out2/report.json"});
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_THAT(compared.out, HasSubstr("LLM usage"));
  EXPECT_THAT(compared.out,
              ::testing::ContainsRegex("requests +" + std::to_string(requests) +
                                       " +0 +-" + std::to_string(requests)));
  auto compared_json =
      RunIeval({"compare", dir_ + "/out1/report.json",
                dir_ + "/out2/report.json", "--json", "--resamples", "100"});
  ASSERT_EQ(compared_json.exit_code, 0) << compared_json.err;
  const json usage = json::parse(compared_json.out)["pairs"][0]["llm"];
  EXPECT_EQ(usage["a"]["requests"], requests);
  EXPECT_EQ(usage["b"]["requests"], 0);
  EXPECT_EQ(usage["b"]["cache_hits"], requests);
  EXPECT_FALSE(usage["a"].contains("by_document"));
  auto gated = RunIeval({"gate", "--baseline", dir_ + "/out1/report.json",
                         "--current", dir_ + "/out2/report.json"});
  EXPECT_EQ(gated.exit_code, 0) << gated.out << gated.err;

  // --no-exec does not refuse it (no code runs); --no-cache asks again.
  auto uncached = RunIeval({"run", "--config", config, "--out", dir_ + "/out3",
                            "--no-cache", "--no-exec", "--quiet"});
  EXPECT_EQ(uncached.exit_code, 0) << uncached.err;
  EXPECT_EQ(server.chat_request_count(), 2 * requests);
}

// A string the model made up is a false positive of its type, kept in
// the predictions as `ungrounded`, never dropped.
TEST_F(LlmRunCli, AStringInNoTextIsAFalsePositiveNotDropped) {
  FakeChatServer server([this](const FakeRequest& r) {
    FakeReply reply = GoldAnswer(gold_, r);
    json body = json::parse(reply.body);
    json answer = json::parse(
        body["choices"][0]["message"]["content"].get<std::string>());
    answer["entities"].push_back({{"text", "Atlantide"}, {"type", "LOC"}});
    body["choices"][0]["message"]["content"] = answer.dump();
    reply.body = body.dump();
    return reply;
  });
  auto r = RunIeval({"run", "--config", Config(server.base_url()), "--out",
                     dir_ + "/out", "--no-cache", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const int requests = server.chat_request_count();
  const json v = Report(dir_ + "/out")["variants"][0];
  ASSERT_EQ(v["status"], "ok") << v.dump();
  const json& strict = v["scores"]["entities"]["strict"];
  EXPECT_EQ(strict["overall"]["fn"], 0);
  EXPECT_EQ(strict["overall"]["fp"], requests);
  EXPECT_EQ(strict["per_type"]["LOC"]["fp"], requests);
  EXPECT_LT(strict["overall"]["precision"].get<double>(), 1.0);
  EXPECT_EQ(v["llm"]["ungrounded"], requests);
  EXPECT_EQ(v["by_alignment"]["ungrounded"]["predictions"], requests);
  const std::string predictions =
      testing::ReadText(dir_ + "/out/predictions/llm_fewshot.jsonl");
  EXPECT_THAT(predictions, HasSubstr(R"("text":"Atlantide")"));
  EXPECT_THAT(predictions, HasSubstr(R"("alignment":"ungrounded")"));
}

TEST_F(LlmRunCli, SendsTheKeyButWritesItNowhere) {
  FakeChatServer server(
      [this](const FakeRequest& r) { return GoldAnswer(gold_, r); });
  setenv("IEVAL_TEST_RUN_KEY", "sk-run-secret-42", 1);
  auto r = RunIeval(
      {"run", "--config",
       Config(server.base_url(), {{"api_key_env", "IEVAL_TEST_RUN_KEY"}}),
       "--out", dir_ + "/out", "--no-cache"});
  unsetenv("IEVAL_TEST_RUN_KEY");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_GT(server.chat_request_count(), 0);
  for (const FakeRequest& q : server.chat_requests())
    EXPECT_EQ(q.headers.at("authorization"), "Bearer sk-run-secret-42");
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("secret-42")));
  for (const auto& f : fs::recursive_directory_iterator(dir_ + "/out")) {
    if (!f.is_regular_file()) continue;
    EXPECT_THAT(testing::ReadText(f.path().string()),
                Not(HasSubstr("secret-42")))
        << f.path();
  }
}

TEST_F(LlmRunCli, TooManyMalformedAnswersFailTheVariantWithExitThree) {
  FakeChatServer server([](const FakeRequest&) {
    return FakeReply{
        200, testing::ChatCompletion("I cannot help with that."), {}, 0};
  });
  auto r = RunIeval({"run", "--config",
                     Config(server.base_url(), {{"max_failure_rate", 0.2}}),
                     "--out", dir_ + "/out", "--no-cache"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const json v = Report(dir_ + "/out")["variants"][0];
  EXPECT_EQ(v["status"], "failed");
  EXPECT_THAT(v["error"].get<std::string>(),
              HasSubstr("5 of 5 documents got no usable answer"));
  EXPECT_THAT(v["error"].get<std::string>(), HasSubstr("not JSON"));
  EXPECT_EQ(v["llm"]["failed_documents"], 5);
}

// `ieval bench` ends the extractor as `run` does (max_failure_rate is
// judged) and shows its usage in the table and the JSON.
TEST_F(LlmRunCli, BenchShowsTheUsageAndJudgesTheFailureRate) {
  FakeChatServer server(
      [this](const FakeRequest& r) { return GoldAnswer(gold_, r); });
  Config(server.base_url());
  const std::vector<std::string> bench = {
      "bench",      "--config",      dir_ + "/variants.json",
      "--variant",  "llm_fewshot",   "--no-cache",
      "--quiet",    "--repetitions", "1",
      "--min-time", "0.01",          "--max-time",
      "1"};
  std::vector<std::string> args = bench;
  args.insert(args.end(), {"--json", dir_ + "/bench.json"});
  auto r = RunIeval(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("extract/llm_fewshot (llm, the last pass"));
  const json usage = json::parse(testing::ReadText(
      dir_ + "/bench.json"))["ieval_extractor_stats"]["llm_fewshot"]["llm"];
  EXPECT_EQ(usage["extracted_documents"], 5);
  EXPECT_GT(usage["requests"].get<int>(), 5);
  EXPECT_EQ(usage["cache_hits"], 0) << "--no-cache";
  EXPECT_EQ(usage["ungrounded"], 0);

  FakeChatServer refusing([](const FakeRequest&) {
    return FakeReply{
        200, testing::ChatCompletion("I cannot help with that."), {}, 0};
  });
  Config(refusing.base_url(), {{"max_failure_rate", 0.2}});
  auto failed = RunIeval(bench);
  EXPECT_EQ(failed.exit_code, 3) << failed.err;
  EXPECT_THAT(failed.out + failed.err,
              HasSubstr("5 of 5 documents got no usable answer"));
}

TEST_F(LlmRunCli, AVariantWhoseServerIsDownIsSkippedSayingWhy) {
  std::string url;
  {
    FakeChatServer gone([](const FakeRequest&) { return FakeReply{}; });
    url = gone.base_url();
  }
  auto r = RunIeval(
      {"run", "--config", Config(url), "--out", dir_ + "/out", "--no-cache"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json v = Report(dir_ + "/out")["variants"][0];
  EXPECT_EQ(v["status"], "skipped");
  EXPECT_THAT(v["error"].get<std::string>(), HasSubstr("no server answers at"));
}

}  // namespace
}  // namespace ieval
