/**
 * The offline analyser's words, in each report language: every sentence it writes is one of these
 * templates filled with data (lib/analysis/offline.ts). English is the series' own; Chinese follows the
 * series' Chinese edition (docs/ranking-and-analysis.md). Names, titles, links, numbers and quotes are
 * passed in as they are: only the words around them change.
 */
import { OFFLINE_SOURCE, type ReportLanguage } from './sections';
import { STANCE_WORDS, type Stance } from './extract';
import { moodBasis, type StoryMood } from './stance';
import { plural } from './detail';

export interface Phrases {
  /** The full stop. */
  stop: string;
  /** "A", "A and B", "A, B and C". */
  list(items: string[]): string;
  posts(n: number): string;
  /** Stories of today: "4 posts of tracked communities in the last 24 hours, in 3 stories. The top 3:". */
  dayIntro(posts: number, stories: number, top: number): string;
  noDay: string;
  whatItIs: string;
  titleOnly: string;
  whyItStandsOut: string;
  /** Why-reasons, joined with `reasons`. */
  mostUpvoted(points: number): string;
  lively(comments: number, points: number): string;
  rising(gain: string): string;
  spread(communities: number): string;
  newNames(names: string[]): string;
  busyName(name: string, posts: number): string;
  reasons(items: string[]): string;
  moodLabel: string;
  mood(m: StoryMood): string;
  /** "in r/A", "in r/A and r/B". */
  where(communities: string[]): string;
  /** " (2 discussions, 115 points and 315 comments in all)". */
  others(discussions: number, points: number, comments: number): string;
  /** A story's line: "names: ref where others." */
  storyLine(names: string, ref: string, where: string, others: string): string;
  /** A comment quoted: "u/bob (40 points): “…”" */
  quoted(author: string, points: number | null, quote: string): string;
  noWeek: string;
  weekIntro(posts: number, before: number): string;
  noComparison(top: string[]): string;
  namePosts(name: string, posts: number): string;
  risingLine(items: string[]): string;
  risingNote(name: string, week: number, before: number): string;
  newLine(items: string[]): string;
  fadingLine(items: string[]): string;
  fadingNote(name: string, week: number, before: number): string;
  steadyLine(items: string[]): string;
  weeksBiggest(line: string): string;
  noMonth: string;
  monthIntro(posts: number, names: number): string;
  kinds: Record<'model' | 'project' | 'benchmark' | 'name', string>;
  kindLine(title: string, items: string[]): string;
  monthItem(name: string, posts: number, firstSeen: string, peakWeek: number): string;
  newcomer(name: string, firstSeen: string, posts: number): string;
  monthsBest(ref: string, community: string): string;
  noDeepDive: string;
  /** "the most discussed story of the day, REF in r/X, one of 2 discussions of it." */
  deepWhat(ofDay: boolean, ref: string, community: string, discussions: number): string;
  /** The deep dive's first line, with or without names. */
  deepHead(names: string | null, what: string): string;
  postSays: string;
  commentersSay(read: number): string;
  commentLine(author: string, points: number | null, stance: Stance, quote: string): string;
  split: string;
  deepTitleOnly(ref: string): string;
  noCommunities: string;
  talksAbout(names: string[], againstOthers: boolean): string;
  nothingStandsOut: string;
  communityLine(community: string, posts: number, talk: string, ref: string): string;
  sectionFailed(why: string): string;
  namesFailed(why: string): string;
  /** Who wrote a section, as the report's "*Written by: …*" line says it. */
  writtenBy(source: string): string;
}

const enList = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
const weekAgo = (w: number) => (w === 0 ? 'this week' : w === 1 ? 'last week' : `${w} weeks ago`);

const en: Phrases = {
  stop: '.',
  list: enList,
  posts: (n) => plural(n, 'post'),
  dayIntro: (posts, stories, top) => `${plural(posts, 'post')} of tracked communities in the last 24 hours, in ${plural(stories, 'story', 'stories')}. The top ${top === 1 ? 'one' : top}:`,
  noDay: 'No post of a tracked community was created in the last 24 hours.',
  whatItIs: '*What it is:*',
  titleOnly: 'only its title was captured.',
  whyItStandsOut: '*Why it stands out:*',
  mostUpvoted: (points) => `the day's most upvoted story, at ${points} points`,
  lively: (comments, points) => `a lively thread (${comments} comments for ${points} points)`,
  rising: (gain) => `rising: ${gain}`,
  spread: (n) => `discussed in ${plural(n, 'community', 'communities')}`,
  newNames: (names) => `${enList(names)} ${names.length === 1 ? 'is' : 'are'} new this week (never seen before in your history)`,
  busyName: (name, posts) => `${name} is in ${plural(posts, 'post')} this week`,
  reasons: ([first, ...rest]) => `${capital(first!)}${rest.length ? `; ${rest.join('; ')}` : ''}.`,
  moodLabel: '*Mood:*',
  mood: (m) => m.text,
  where: (cs) => `in ${enList(cs.map((c) => `r/${c}`))}`,
  others: (d, points, comments) => ` (${plural(d, 'discussion')}, ${points} points and ${plural(comments, 'comment')} in all)`,
  storyLine: (names, ref, where, others) => `${names ? `${names}: ` : ''}${ref} ${where}${others}.`,
  quoted: (author, points, quote) => `u/${author}${points != null ? ` (${points} points)` : ''}: “${quote}”`,
  noWeek: 'No post of a tracked community was captured in the last 7 days.',
  weekIntro: (posts, before) => `This week: ${plural(posts, 'post')} of tracked communities; the 7 days before: ${before}.`,
  noComparison: (top) => `Your history has no posts from the week before, so nothing can be compared yet.${top.length ? ` The names of the week: ${enList(top)}.` : ''}`,
  namePosts: (name, posts) => `${name} (${plural(posts, 'post')})`,
  risingLine: (items) => (items.length ? `- **Rising:** ${enList(items)}.` : '- **Rising:** no name doubled its mentions against the week before.'),
  risingNote: (name, week, before) => `${name} (${plural(week, 'post')}, up from ${before})`,
  newLine: (items) => `- **New this week** (never seen before in your history): ${enList(items)}.`,
  fadingLine: (items) => (items.length ? `- **Fading:** ${enList(items)}.` : '- **Fading:** no name of the week before lost half its mentions.'),
  fadingNote: (name, week, before) => `${name} (${week} this week, down from ${before})`,
  steadyLine: (items) => `- **Steady:** ${enList(items)}.`,
  weeksBiggest: (line) => `The week's biggest story: ${line}`,
  noMonth: 'No post of a tracked community was captured in the last 30 days.',
  monthIntro: (posts, names) => `Across ${plural(posts, 'post')} of the last 30 days, ${plural(names, 'name')} came up.`,
  kinds: { model: 'Models', project: 'Projects and tools', benchmark: 'Benchmarks', name: 'Organisations, products and people' },
  kindLine: (title, items) => `- **${title}:** ${enList(items)}.`,
  monthItem: (name, posts, firstSeen, peak) => `${name} (${plural(posts, 'post')}, first seen ${firstSeen}, most mentioned ${weekAgo(peak)})`,
  newcomer: (name, firstSeen, posts) => `The month's newcomer with most mentions: ${name}, first seen ${firstSeen} and in ${plural(posts, 'post')} since.`,
  monthsBest: (ref, community) => `The month's most upvoted post: ${ref} in r/${community}.`,
  noDeepDive: 'Nothing to examine yet: no recent post of a tracked community was captured.',
  deepWhat: (ofDay, ref, community, d) => `the most discussed story ${ofDay ? 'of the day' : 'of the week'}, ${ref} in r/${community}${d > 1 ? `, one of ${plural(d, 'discussion')} of it` : ''}.`,
  deepHead: (names, what) => (names ? `${names}: ${what}` : capital(what)),
  postSays: '**What the post says:**',
  commentersSay: (read) => `**What commenters say** (${plural(read, 'top comment')} read):`,
  commentLine: (author, points, stance, quote) => `- u/${author}${points != null ? ` (${points} points)` : ''} ${STANCE_WORDS[stance]}: “${quote}”`,
  split: '**The split:**',
  deepTitleOnly: (ref) => `Only its title was captured. Open ${ref} with its comments once, and the next analysis will summarise what it says and how people answered.`,
  noCommunities: 'No community of the tracked list has captured posts in the last 7 days.',
  talksAbout: (names, against) => `talks about ${enList(names)}${against ? ' more than the other communities' : ''}`,
  nothingStandsOut: 'no name stands out against the other communities',
  communityLine: (community, posts, talk, ref) => `- **r/${community}** (${plural(posts, 'post')} this week): ${talk}. Top post: ${ref}.`,
  sectionFailed: (why) => `*This section could not be written (${why}). The tables and the other sections are not affected.*`,
  namesFailed: (why) => `*Names and stories could not be read (${why}): this analysis goes without them.*`,
  writtenBy: (source) => `*Written by: ${source}*`,
};

const zhList = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`);
const ZH_STANCE: Record<Stance, string> = { agrees: '赞同', doubts: '反驳', asks: '提问', adds: '补充' };
const ZH_MOOD: Record<StoryMood['mood'], string> = { agreed: '意见一致', mixed: '意见不一', divisive: '分歧明显' };
const zhWeekAgo = (w: number) => (w === 0 ? '本周' : w === 1 ? '上周' : `${w} 周前`);
const zhPoints = (points: number | null) => (points != null ? `（${points} 分）` : '');

/** Simplified Chinese, as the series' Chinese edition writes its analysis (full-width punctuation). */
const zh: Phrases = {
  stop: '。',
  list: zhList,
  posts: (n) => `${n} 篇帖子`,
  dayIntro: (posts, stories, top) => `过去 24 小时内，所跟踪的社区共有 ${posts} 篇帖子，归为 ${stories} 个话题。排名前 ${top} 的话题：`,
  noDay: '过去 24 小时内，所跟踪的社区没有新帖子。',
  whatItIs: '*内容：*',
  titleOnly: '只捕获到了标题。',
  whyItStandsOut: '*值得关注的原因：*',
  mostUpvoted: (points) => `今日得票最多的话题，共 ${points} 分`,
  lively: (comments, points) => `讨论热烈（${points} 分，${comments} 条评论）`,
  rising: (gain) => `正在上升：${gain}`,
  spread: (n) => `在 ${n} 个社区中被讨论`,
  newNames: (names) => `${zhList(names)}是本周新出现的名字（此前从未出现在你的历史中）`,
  busyName: (name, posts) => `${name}本周出现在 ${posts} 篇帖子中`,
  reasons: (items) => `${items.join('；')}。`,
  moodLabel: '*讨论氛围：*',
  mood: (m) => {
    const { byStances, alsoFight } = moodBasis(m);
    return `${ZH_MOOD[m.mood]}：${byStances ? `前 ${m.of} 条热门评论中有 ${m.pushBack} 条提出反对` : `${m.points} 分，${m.comments} 条评论`}${alsoFight ? '；评论数多于得分' : ''}`;
  },
  where: (cs) => `，来自 ${zhList(cs.map((c) => `r/${c}`))}`,
  others: (d, points, comments) => `（共 ${d} 个讨论，合计 ${points} 分、${comments} 条评论）`,
  storyLine: (names, ref, where, others) => `${names ? `${names}：` : ''}${ref}${where}${others}。`,
  quoted: (author, points, quote) => `u/${author}${zhPoints(points)}：“${quote}”`,
  noWeek: '过去 7 天内没有捕获到所跟踪社区的帖子。',
  weekIntro: (posts, before) => `本周：所跟踪的社区共有 ${posts} 篇帖子；之前 7 天：${before} 篇。`,
  noComparison: (top) => `你的历史中没有上一周的帖子，暂时无法比较。${top.length ? `本周的名字：${zhList(top)}。` : ''}`,
  namePosts: (name, posts) => `${name}（${posts} 篇）`,
  risingLine: (items) => (items.length ? `- **上升：** ${zhList(items)}。` : '- **上升：** 没有名字的提及次数比上周翻倍。'),
  risingNote: (name, week, before) => `${name}（${week} 篇，上周 ${before} 篇）`,
  newLine: (items) => `- **本周新出现**（此前从未出现在你的历史中）：${zhList(items)}。`,
  fadingLine: (items) => (items.length ? `- **降温：** ${zhList(items)}。` : '- **降温：** 上周的名字中没有提及次数减半的。'),
  fadingNote: (name, week, before) => `${name}（本周 ${week} 篇，上周 ${before} 篇）`,
  steadyLine: (items) => `- **平稳：** ${zhList(items)}。`,
  weeksBiggest: (line) => `本周最大的话题：${line}`,
  noMonth: '过去 30 天内没有捕获到所跟踪社区的帖子。',
  monthIntro: (posts, names) => `过去 30 天的 ${posts} 篇帖子中出现了 ${names} 个名字。`,
  kinds: { model: '模型', project: '项目与工具', benchmark: '基准测试', name: '机构、产品与人物' },
  kindLine: (title, items) => `- **${title}：** ${zhList(items)}。`,
  monthItem: (name, posts, firstSeen, peak) => `${name}（${posts} 篇，首次出现于 ${firstSeen}，${zhWeekAgo(peak)}提及最多）`,
  newcomer: (name, firstSeen, posts) => `本月提及最多的新名字：${name}，首次出现于 ${firstSeen}，此后出现在 ${posts} 篇帖子中。`,
  monthsBest: (ref, community) => `本月得票最多的帖子：r/${community} 的 ${ref}。`,
  noDeepDive: '暂无可分析的内容：尚未捕获到所跟踪社区的近期帖子。',
  deepWhat: (ofDay, ref, community, d) => `${ofDay ? '今日' : '本周'}讨论最多的话题：r/${community} 的 ${ref}${d > 1 ? `（该话题共 ${d} 个讨论之一）` : ''}。`,
  deepHead: (names, what) => (names ? `${names}——${what}` : what),
  postSays: '**帖子内容：**',
  commentersSay: (read) => `**评论者的看法**（读取了 ${read} 条热门评论）：`,
  commentLine: (author, points, stance, quote) => `- u/${author}${zhPoints(points)}${ZH_STANCE[stance]}：“${quote}”`,
  split: '**分歧情况：**',
  deepTitleOnly: (ref) => `只捕获到了标题。打开一次 ${ref} 及其评论，下次分析就会总结它的内容和大家的回应。`,
  noCommunities: '过去 7 天内，所跟踪的社区都没有捕获到帖子。',
  talksAbout: (names, against) => `${against ? '比其他社区更多地' : ''}讨论${zhList(names)}`,
  nothingStandsOut: '与其他社区相比，没有特别突出的名字',
  communityLine: (community, posts, talk, ref) => `- **r/${community}**（本周 ${posts} 篇）：${talk}。热门帖子：${ref}。`,
  sectionFailed: (why) => `*此部分无法生成（${why}）。表格和其他部分不受影响。*`,
  namesFailed: (why) => `*无法读取名字和话题（${why}）：本分析不包含这些内容。*`,
  writtenBy: (source) => `*撰写：${source === OFFLINE_SOURCE ? '离线分析器' : source}*`,
};

export const PHRASES: Record<ReportLanguage, Phrases> = { en, zh };
