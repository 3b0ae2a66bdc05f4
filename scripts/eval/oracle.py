#!/usr/bin/env python3
"""Recall oracle for the prohibited-content lexicons, built from public sensitive-word lists
that wxlint does NOT ship (they are used as a checklist only):

  H  houbb/sensitive-word        src/test/resources/dict_*.txt          Apache-2.0
  K  konsheng/Sensitive-lexicon  Vocabulary/*.txt                       MIT
     + fwwdn/sensitive-stop-words *.txt (a near copy of K's lists: merged into source K)  Apache-2.0
  L  LDNOOBW List-of-Dirty-...    zh                                     CC-BY-4.0

A term enters the oracle when at least two independent sources list it, it falls in one of the
eight 九不准 word-list categories (keyword patterns below; political terms are out of scope) and
it is in the *target tier*: a solicitation, slang or obscenity, not a plain name that every
police report or prevention lesson uses (PLAIN), not an everyday, medical or news word
(INNOCENT, MEDICAL, NEWS, or any term that occurs in People's Daily January 1998), not garbage
(NOISE). Terms are split into a dev and a test half by a hash, so that the lexicon can be tuned on
dev and measured on test.

A second, *fresh* oracle (`build --fresh`) adds three other public lists (characterma/
sensitive_word, no licence stated; observerss/textfilter `keywords`, no licence stated, merged
with its near copy in toolgood/ToolGood.Words, Apache-2.0; importcjj/sensitive `dict/dict.txt`,
MIT): a term enters when at least two of the six sources list it, at least one of them a new one,
and it is not in the first oracle (two of the first three sources). Same filters, and the same
hash split into `fresh-dev` (its misses may be read to find what the lexicon lacks) and
`fresh-test` (held out: never read).

usage:
  oracle.py build [--lists DIR] > oracle.tsv            # term, category, half
  oracle.py build --fresh [--lists2 DIR] > fresh.tsv    # term, category, fresh-dev|fresh-test
  oracle.py build --singles > singles.tsv               # term, category, single-dev
  oracle.py score oracle.tsv [--bin PATH] [--show dev:CATEGORY|fresh-dev:CATEGORY] [--tier T]

The keyword filters are crude: they let through fragments, place names and plain or medical
words (湘阴杨林, 塑胶原料的流动性, 妓院, 乳晕). `scripts/eval/oracle-tier.tsv` holds blind labels of
every term (T target, P plain, M medical, O ordinary or fragment), given by annotators who saw
neither the lexicons nor the checker, keyed by a hash of the term. `score` prints the recall on
all terms and on the labelled target tier (T); `--tier T` restricts `--show` to it.

`score` writes each term into its own one-paragraph article (neutral title), runs
`wxlint check --format json` on all of them and prints recall per category and half, counting a
term found when `prohibited` or `spam` reports a finding covering it (any severity, and block/review).
"""
import argparse
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

CATEGORIES = [
    ("cults-superstition", r"法轮|轮功|真善忍|李洪志|洪志|大法弟子|大法师父|全能神|东方闪电|门徒会|呼喊派|观音法门|一贯道|邪教|灵灵教|被立王|主神教|三班仆人|法lun|falun|flg|九评|退党"),
    ("gambling", r"赌|博彩|彩票|六合彩|特码|投注|百家乐|老虎机|娱乐城|下注|庄家|轮盘|时时彩|赛车|梭哈|牌九|外围|菠菜|开奖|跑分|博彩|bet|casino|真人娱乐|捕鱼|棋牌"),
    ("drugs", r"毒|冰妹|麻古|k粉|摇头|海洛因|大麻|鸦片|吗啡|可卡因|迷幻|迷药|迷情|听话水|催情|ghb|三唑仑|罂粟|麻黄|溜冰|氯胺酮|安非他|杜冷丁|曲马多|芬太尼|蒙汗药|迷奸|失忆水|昏迷药|春药|乖乖水|神仙水|lsd"),
    ("weapons", r"枪|弹药|子弹|炸药|雷管|手雷|军刀|弩|火药|tnt|c4|氰化|导火索|军火|猎刀|管制刀|仿真|炸弹|硝铵|黑索金|爆炸物|弹夹"),
    ("fraud", r"代开|发票|假证|刻章|替考|办证|银行卡|假币|套现|洗钱|刷单|代孕|身份证|考试答案|作弊|窃听|监听|黑客|木马|信用卡|假文凭|学历|答案|伪基站|改号|网贷|裸贷|私家侦探|窃取|定位|手机卡|实名|收购|贷款"),
    ("violence-terror", r"杀|自杀|恐怖|爆炸|自焚|圣战|暴动|劫持|绑架|人质|砍|血腥|屠杀|炸|袭击|暗杀|报复社会|东突|基地组织|isis|伊斯兰国"),
    ("pornography", r"色|性|淫|奸|裸|乳|阴|逼|屄|穴|鸡巴|做爱|口交|肛|^av|av$|a片|黄片|毛片|援交|援助交际|嫖|妓|一夜情|约炮|自慰|高潮|三级|成人|情色|伦理|偷拍|走光|调教|丝袜|porn|xxx|sex|屌|吹箫|插|射|舔|骚|浪女|巨乳|肉棒|阳具|龟头|潮吹|处女|包养|小姐|楼凤|按摩|上门|spa"),
    ("insults", r"操你|妈的|干你|傻逼|傻b|煞笔|sb|贱|婊|王八|狗日|畜生|去死|日你|尼玛|草泥马|fuck|shit|废物|白痴|脑残|妈逼|你妈|他妈|狗娘|杂种|滚蛋|cnm|nmd|tmd|nmsl|死全家|操他|肏"),
]

POLITICAL = re.compile(
    r"习|近平|毛泽|江泽|胡锦|温家|李鹏|朱镕|邓小|周恩|六四|天安门|民主|民运|共产|中共|政府|国务院|台独|藏独|疆独|达赖|反共|人权|选举|"
    r"政治|政权|领导|主席|总理|书记|党|宪章|维权|上访|游行|示威|静坐|罢工|镇压|独裁|专制|暴政|迫害|轮子|新唐人|大纪元|明慧|希望之声|"
    r"文革|西藏|新疆|香港|台湾|军委|解放军|武警|公安|警察|城管|法院|检察|官员|贪官|腐败|贪污|太子党|红二代|央视|新华社|人民日报|两会"
)

# Plain names and neutral terms that police reports, court news and prevention lessons use; the
# lexicon deliberately reports them only in a soliciting sentence (when=solicit), so they are
# not in the target tier.
PLAIN = set("""
毒品 冰毒 海洛因 大麻 摇头丸 k粉 鸦片 吗啡 可卡因 罂粟 麻古 吸毒 贩毒 禁毒 戒毒 制毒 毒贩 贩卖毒品 吸食毒品 冰毒 氯胺酮 芬太尼 杜冷丁 曲马多 安非他命 甲基苯丙胺
赌博 赌场 赌徒 赌球 赌钱 赌债 赌资 网络赌博 六合彩 百家乐 老虎机 彩票 体育彩票 福利彩票 时时彩 北京赛车 聚众赌博 开设赌场 赌博机
法轮功 法轮 邪教 全能神 李洪志 东方闪电 门徒会 呼喊派 一贯道 观音法门
枪支 枪 手枪 步枪 猎枪 气枪 炸药 雷管 炸弹 子弹 弹药 手雷 火药 爆炸 爆炸物 军火 管制刀具 仿真枪 导火索
色情 卖淫 嫖娼 强奸 淫秽 黄色 裸体 性交易 猥亵 性侵 奸杀 轮奸 强暴 迷奸 诱奸 黄赌毒 扫黄 卖淫嫖娼
自杀 恐怖分子 恐怖主义 恐怖袭击 暴恐 绑架 劫持 人质 杀人 凶杀 屠杀 袭击 爆炸案 东突 伊斯兰国 基地组织 自焚 圣战
诈骗 洗钱 假币 刷单 套现 发票 身份证 银行卡 信用卡 黑客 木马 窃听 监听 伪基站 网贷 裸贷 代孕 假证
""".split())

# Everyday words the lists include but that are not prohibited anywhere (body parts, emotions,
# ordinary trades, ordinary verbs).
INNOCENT = set("""
高潮 激情 成人 性感 丝袜 按摩 小姐 处女 三级 伦理 上门 spa 插 射 舔 色 性 乳 阴 穴 情色 成人用品 性病 性爱 性生活 性教育 性别 同性恋 两性 乳房 乳腺 阴道 阴茎 肛门
处女座 处女作 色狼 骚扰 偷拍 走光 调教 包养 白痴 废物 脑残 滚蛋 去死 贱人 畜生 王八 杂种 狗娘养的
作弊 考试答案 答案 学历 定位 收购 贷款 实名 手机卡 信用卡 私家侦探 窃取 改号 仿真 弩 军刀 猎刀 杀 炸 砍 血腥 暴动
开奖 棋牌 捕鱼 外围 赛车 庄家 下注 投注 梭哈 牌九 轮盘 跑分 菠菜
""".split())

# Medical and anatomical words: health and sex education use them.
MEDICAL = re.compile(r"阴道|阴唇|阴蒂|外阴|阴茎|阴囊|阴毛|乳头|乳沟|乳房|乳腺|处女膜|射精|精液|促性腺|性器|性病|性激素|性高潮|性启蒙|性学|母乳|龟头|肛门|睾丸|子宫")

# News and event words: they report that something happened, they solicit nothing.
NEWS = re.compile(r"事件|案$|案件|犯$|惨案|封杀|杀死|杀毙|凶杀|情杀|猎杀|被杀|屠杀|暗杀|发生|出现|引起|爆发|化工厂|煤矿|恐怖片|恐怖牢笼|恐惧|事故|死亡|遇难|灭门|组织$|份子$|分子$")

# Garbage and fragments: too short or too generic to be a test of anything.
NOISE = re.compile(r"^.$|^[a-z0-9]{1,2}$|^\d+$|[\s\*\?\(\)\[\]\\\/]")


def norm(term):
    t = term.strip().strip(",，;；").lower()
    t = re.sub(r"[\u200b\ufeff]", "", t)
    return t


def read_terms(paths):
    out = set()
    for p in paths:
        try:
            with open(p, encoding="utf-8", errors="ignore") as f:
                for line in f:
                    for part in re.split(r"[,，]", line):
                        t = norm(part)
                        if 2 <= len(t) <= 16:
                            out.add(t)
        except OSError:
            pass
    return out


def sources(root):
    h = glob.glob(f"{root}/houbb+sensitive-word/src/test/resources/dict_*.txt")
    k = glob.glob(f"{root}/konsheng+Sensitive-lexicon/Vocabulary/*.txt")
    k = [p for p in k if "非法网址" not in p]
    k += [p for p in glob.glob(f"{root}/fwwdn+sensitive-stop-words/*.txt") if "网址" not in p]
    l_ = glob.glob(f"{root}/LDNOOBW+List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words/zh")
    return {"H": read_terms(h), "K": read_terms(k), "L": read_terms(l_)}


def sources_fresh(root):
    c = [p for p in glob.glob(f"{root}/characterma+sensitive_word/*.txt") if "网址" not in p]
    o = [f"{root}/observerss+textfilter/keywords", f"{root}/toolgood+ToolGood.Words/csharp/ToolGood.Words.Benchmark/BadWord.txt"]
    i = [f"{root}/importcjj+sensitive/dict/dict.txt"]
    return {"C": read_terms(c), "O": read_terms(o), "I": read_terms(i)}


def category_of(term):
    if POLITICAL.search(term):
        return None
    for cat, pat in CATEGORIES:
        if re.search(pat, term):
            return cat
    return None


def half_of(term):
    return "dev" if hashlib.sha1(term.encode()).digest()[0] % 2 == 0 else "test"


def clean_text(path):
    """People's Daily 1998 (scripts/fetch-eval-data.sh): a term that occurs in it is ordinary
    language, not a target (插入, 赤裸, 桃色, 喷射…)."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().lower()
    except OSError:
        print(f"# {path} missing: run scripts/fetch-eval-data.sh (the tier then keeps ordinary words)", file=sys.stderr)
        return ""


def build(args):
    src = sources(args.lists)
    counts = defaultdict(int)
    for s in src.values():
        for t in s:
            counts[t] += 1
    if args.singles:
        # Terms named by exactly one of all six lists: disjoint from both oracles (which need
        # two), so their misses may be read freely, like a dev half.
        for s in sources_fresh(args.lists2).values():
            for t in s:
                counts[t] += 1
        counts = {t: 0 if n != 1 else 2 for t, n in counts.items()}
    if args.fresh:
        old = {t for t, n in counts.items() if n >= 2}
        new = sources_fresh(args.lists2)
        listed_new = set().union(*new.values())
        for s in new.values():
            for t in s:
                counts[t] += 1
        counts = {t: n for t, n in counts.items() if t in listed_new}
        src.update(new)
    clean = clean_text(args.clean)
    rows = []
    for t, n in counts.items():
        if args.fresh and t in old:
            continue
        if n < 2 or NOISE.search(t) or NEWS.search(t) or MEDICAL.search(t) or t in PLAIN or t in INNOCENT or (clean and t in clean):
            continue
        cat = category_of(t)
        if cat:
            half = "single-dev" if args.singles else "fresh-" + half_of(t) if args.fresh else half_of(t)
            rows.append((t, cat, half))
    rows.sort(key=lambda r: (r[1], r[0]))
    for r in rows:
        print("\t".join(r))
    sizes = {k: len(v) for k, v in src.items()}
    print(f"# sources {sizes}; oracle terms {len(rows)}", file=sys.stderr)


def run_checker(binary, terms):
    found = {}
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, t in enumerate(terms):
            p = os.path.join(d, f"{i:05}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(f"文章\n{t}\n")
            paths.append(p)
        res = subprocess.run([binary, "check", "--format", "json", *paths], capture_output=True, text=True)
        data = json.loads(res.stdout)
        files = data if isinstance(data, list) else data.get("files", data.get("results", []))
        for entry in files:
            path = entry.get("path") or entry.get("file")
            i = int(os.path.basename(path).split(".")[0])
            sev = set()
            for f in entry.get("findings", []):
                if f["rule"] in ("prohibited", "spam") and f.get("field") == "body":
                    sev.add(f["severity"])
            found[terms[i]] = sev
    return found


TIER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "oracle-tier.tsv")


def tier_labels():
    labels = {}
    try:
        with open(TIER, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    h, lab = line.split()
                    labels[h] = lab
    except OSError:
        pass
    return labels


def label_of(labels, term):
    return labels.get(hashlib.sha1(term.encode()).hexdigest()[:16], "?")


def table(rows, found, title):
    stats = defaultdict(lambda: [0, 0, 0])
    misses = defaultdict(list)
    for t, cat, half in rows:
        sev = found.get(t, set())
        for key in ((half, cat), (half, "ALL")):
            stats[key][0] += 1
            stats[key][1] += bool(sev)
            stats[key][2] += bool(sev & {"block", "review"})
        if not sev:
            misses[(half, cat)].append(t)
    cats = [c for c, _ in CATEGORIES] + ["ALL"]
    halves = [h for h in ("dev", "test", "fresh-dev", "fresh-test", "single-dev") if any(r[2] == h for r in rows)]
    print(f"\n{title}\n")
    print("| category | " + " | ".join(f"{h} terms | {h} recall (any) | {h} recall (block/review)" for h in halves) + " |")
    print("|---|" + "---|" * (3 * len(halves)))
    for c in cats:
        r = lambda s, i: f"{s[i] / s[0]:.3f}" if s[0] else "-"
        cells = []
        for h in halves:
            d = stats[(h, c)]
            cells += [str(d[0]), r(d, 1), r(d, 2)]
        print(f"| {c} | " + " | ".join(cells) + " |")
    return misses


def score(args):
    rows = [l.rstrip("\n").split("\t") for l in open(args.oracle, encoding="utf-8") if l.strip() and not l.startswith("#")]
    terms = [r[0] for r in rows]
    found = run_checker(args.bin, terms)
    misses = table(rows, found, "All oracle terms (keyword tier)")
    labels = tier_labels()
    if labels:
        target = [r for r in rows if label_of(labels, r[0]) == "T"]
        unlabelled = sum(label_of(labels, r[0]) == "?" for r in rows)
        tier_misses = table(target, found, f"Labelled target tier (T: {len(target)} of {len(rows)} terms; {unlabelled} unlabelled)")
        if args.tier == "T":
            misses = tier_misses
    if args.show:
        half, cat = args.show.split(":")
        print(f"\nmisses {args.show}: " + " ".join(sorted(misses[(half, cat)])))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--lists", default=os.environ.get("WXLINT_ORACLE_LISTS", "/work/data/lists"))
    b.add_argument("--clean", default="target/eval-data/peoples-daily-199801.txt")
    b.add_argument("--fresh", action="store_true", help="the fresh oracle, from the second set of lists")
    b.add_argument("--lists2", default=os.environ.get("WXLINT_ORACLE_LISTS2", "/work/data/lists2"))
    b.add_argument("--singles", action="store_true", help="terms that exactly one of the six lists names (a third dev set, never in an oracle)")
    s = sub.add_parser("score")
    s.add_argument("oracle")
    s.add_argument("--bin", default="target/release/wxlint")
    s.add_argument("--show")
    s.add_argument("--tier", choices=["T"], help="--show the misses of the labelled target tier only")
    a = ap.parse_args()
    build(a) if a.cmd == "build" else score(a)


if __name__ == "__main__":
    main()
