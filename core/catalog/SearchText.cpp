#include "SearchText.h"

#include <QList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace cairn::search {
namespace {

// More words than this narrow nothing a person would notice and only cost time.
constexpr int kMaxTerms = 16;

bool isCjk(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo: return true;
    default: return false;
    }
}

// What the index's tokenizer (unicode61) keeps inside a word.
bool isWordPart(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

QString fromUcs4(char32_t c)
{
    return QString::fromUcs4(&c, 1);
}

} // namespace

QString fold(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).toCaseFolded();
}

QString indexed(const QString &text)
{
    const QString folded = fold(text);
    QString out;
    out.reserve(folded.size() + 8);
    bool lastWasCjk = false;
    for (const char32_t c : folded.toUcs4()) {
        const bool cjk = isCjk(c);
        if ((cjk || lastWasCjk) && !out.isEmpty() && !out.back().isSpace() && !QChar::isSpace(c))
            out += u' ';
        out += fromUcs4(c);
        lastWasCjk = cjk;
    }
    return out;
}

QString document(const QStringList &parts)
{
    QStringList lines;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            lines << indexed(part);
    }
    lines.removeDuplicates();
    return lines.join(u'\n');
}

QString escapeLike(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

QString containsPattern(const QString &query)
{
    return u'%' + escapeLike(fold(query.trimmed())) + u'%';
}

QList<Word> words(const QString &query)
{
    QList<Word> found;
    QString word;           // letters and digits, not CJK
    QStringList cjkRun;     // CJK characters typed one after the other
    const auto finish = [&] {
        const QList<uint> chars = word.toUcs4();
        if (std::any_of(chars.cbegin(), chars.cend(), [](uint c) { return QChar::isLetterOrNumber(c); }))
            found << Word{word, false};   // not marks alone
        if (!cjkRun.isEmpty())
            found << Word{cjkRun.join(QString()), true};
        word.clear();
        cjkRun.clear();
    };
    for (const char32_t c : fold(query).toUcs4()) {
        if (isCjk(c)) {
            if (!word.isEmpty())
                finish();
            cjkRun << fromUcs4(c);
        } else if (isWordPart(c)) {
            if (!cjkRun.isEmpty())
                finish();
            word += fromUcs4(c);
        } else {
            finish();
        }
    }
    finish();
    if (found.size() > kMaxTerms)
        found.resize(kMaxTerms);
    return found;
}

QString documentPattern(const QString &query)
{
    return u'%' + escapeLike(indexed(query.trimmed())) + u'%';
}

QString matchExpression(const QList<Word> &words)
{
    QStringList terms;
    for (const Word &w : words)
        terms << u'"' + (w.cjk ? indexed(w.text).simplified() : w.text) + u"\"*"_s;
    return terms.join(u' ');
}

QString matchExpression(const QString &query)
{
    return matchExpression(words(query));
}

} // namespace cairn::search
