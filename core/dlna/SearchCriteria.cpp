#include "SearchCriteria.h"

using namespace Qt::Literals::StringLiterals;

namespace cairn::dlna {

namespace {

enum class TokenType { Open, Close, String, Word, End };

struct Token
{
    TokenType type = TokenType::End;
    QString text;
};

bool isOperatorChar(QChar c)
{
    return c == u'=' || c == u'!' || c == u'<' || c == u'>';
}

bool isSpace(QChar c)
{
    // The grammar's wChar: space, tab, line feed, vertical tab, form feed, carriage return.
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\v' || c == u'\f' || c == u'\r';
}

} // namespace

// Recursive descent over a token list; depth is bounded by kMaxDepth, so a hostile string
// cannot exhaust the stack.
class SearchParser
{
public:
    explicit SearchParser(const QString &text) : m_text(text) {}

    std::variant<SearchCriteria, QString> run()
    {
        if (m_text.size() > SearchCriteria::kMaxLength)
            return u"search criteria too long"_s;
        if (!tokenize())
            return m_error;
        if (m_tokens.size() == 2 && m_tokens[0].type == TokenType::Word && m_tokens[0].text == u"*"_s)
            return SearchCriteria();
        const int root = parseOr(0);
        if (root < 0)
            return m_error;
        if (peek().type != TokenType::End)
            return u"unexpected text: "_s + peek().text;
        m_criteria.m_root = root;
        return m_criteria;
    }

private:
    bool tokenize()
    {
        qsizetype i = 0;
        const qsizetype n = m_text.size();
        while (i < n) {
            const QChar c = m_text[i];
            if (isSpace(c)) {
                ++i;
            } else if (c == u'(' || c == u')') {
                m_tokens << Token{c == u'(' ? TokenType::Open : TokenType::Close, QString(c)};
                ++i;
            } else if (c == u'"') {
                QString value;
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar d = m_text[i++];
                    if (d == u'"') {
                        closed = true;
                        break;
                    }
                    if (d == u'\\') {
                        if (i >= n || (m_text[i] != u'"' && m_text[i] != u'\\')) {
                            m_error = u"bad escape in a quoted string"_s;
                            return false;
                        }
                        value += m_text[i++];
                    } else {
                        value += d;
                    }
                }
                if (!closed) {
                    m_error = u"unterminated string"_s;
                    return false;
                }
                m_tokens << Token{TokenType::String, value};
            } else {
                const bool op = isOperatorChar(c);
                const qsizetype start = i;
                while (i < n && !isSpace(m_text[i]) && m_text[i] != u'(' && m_text[i] != u')' && m_text[i] != u'"'
                       && isOperatorChar(m_text[i]) == op)
                    ++i;
                m_tokens << Token{TokenType::Word, m_text.mid(start, i - start)};
            }
        }
        m_tokens << Token{TokenType::End, u"end"_s};
        return true;
    }

    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &take() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

    bool isWord(const char16_t *word) const
    {
        return peek().type == TokenType::Word && peek().text.compare(QStringView(word), Qt::CaseInsensitive) == 0;
    }

    int add(SearchCriteria::Node node)
    {
        m_criteria.m_nodes << std::move(node);
        return int(m_criteria.m_nodes.size() - 1);
    }

    int fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return -1;
    }

    int parseOr(int depth)
    {
        int left = parseAnd(depth);
        while (left >= 0 && isWord(u"or")) {
            take();
            const int right = parseAnd(depth);
            if (right < 0)
                return -1;
            left = add({SearchCriteria::Op::Or, left, right, {}, {}, true});
        }
        return left;
    }

    int parseAnd(int depth)
    {
        int left = parsePrimary(depth);
        while (left >= 0 && isWord(u"and")) {
            take();
            const int right = parsePrimary(depth);
            if (right < 0)
                return -1;
            left = add({SearchCriteria::Op::And, left, right, {}, {}, true});
        }
        return left;
    }

    int parsePrimary(int depth)
    {
        if (peek().type == TokenType::Open) {
            if (depth >= SearchCriteria::kMaxDepth)
                return fail(u"search criteria nested too deeply"_s);
            take();
            const int inner = parseOr(depth + 1);
            if (inner < 0)
                return -1;
            if (take().type != TokenType::Close)
                return fail(u"missing )"_s);
            return inner;
        }
        return parseRelation();
    }

    int parseRelation()
    {
        const Token property = take();
        if (property.type != TokenType::Word)
            return fail(u"expected a property, found "_s + property.text);
        const bool refId = property.text == u"@refID"_s;
        const auto known = refId ? std::optional(DidlProperty::RefId) : didlPropertyNamed(property.text);
        if (!known || *known == DidlProperty::Date || *known == DidlProperty::TrackNumber)
            return fail(u"unsupported property "_s + property.text);
        const Token op = take();
        if (op.type != TokenType::Word)
            return fail(u"expected an operator after "_s + property.text);
        if (refId && op.text != u"exists"_s)
            return fail(u"@refID only with exists"_s);
        SearchCriteria::Node node;
        node.property = *known;
        if (op.text == u"exists"_s) {
            const Token value = take();
            if (value.type != TokenType::Word || (value.text != u"true"_s && value.text != u"false"_s))
                return fail(u"exists takes true or false"_s);
            node.op = SearchCriteria::Op::Exists;
            node.exists = value.text == u"true"_s;
            return add(node);
        }
        if (op.text == u"="_s)
            node.op = SearchCriteria::Op::Equal;
        else if (op.text == u"!="_s)
            node.op = SearchCriteria::Op::NotEqual;
        else if (op.text == u"contains"_s)
            node.op = SearchCriteria::Op::Contains;
        else if (op.text == u"doesNotContain"_s)
            node.op = SearchCriteria::Op::DoesNotContain;
        else if (op.text == u"derivedfrom"_s)
            node.op = SearchCriteria::Op::DerivedFrom;
        else
            return fail(u"unsupported operator "_s + op.text);
        const Token value = take();
        if (value.type != TokenType::String)
            return fail(u"expected a quoted value after "_s + op.text);
        node.value = value.text;
        return add(node);
    }

    const QString &m_text;
    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    QString m_error;
    SearchCriteria m_criteria;
};

std::variant<SearchCriteria, QString> SearchCriteria::parse(const QString &text)
{
    return SearchParser(text).run();
}

bool SearchCriteria::matches(const DidlObject &object) const
{
    return evaluate([&object](DidlProperty p) { return std::optional<QStringList>(valuesOf(object, p)); })
        == Truth::True;
}

Truth SearchCriteria::evaluate(const std::function<std::optional<QStringList>(DidlProperty)> &values) const
{
    return m_root < 0 ? Truth::True : evaluateNode(m_root, values);
}

namespace {

bool derivedFrom(const QString &upnpClass, const QString &base)
{
    if (!upnpClass.startsWith(base, Qt::CaseInsensitive))
        return false;
    return upnpClass.size() == base.size() || upnpClass[base.size()] == u'.' || base.endsWith(u'.');
}

bool anyOf(const QStringList &values, const std::function<bool(const QString &)> &test)
{
    return std::any_of(values.cbegin(), values.cend(), test);
}

Truth truth(bool value)
{
    return value ? Truth::True : Truth::False;
}

} // namespace

Truth SearchCriteria::evaluateNode(int index, const std::function<std::optional<QStringList>(DidlProperty)> &values) const
{
    const Node &node = m_nodes[index];
    if (node.op == Op::And || node.op == Op::Or) {
        const Truth left = evaluateNode(node.left, values);
        const Truth decisive = node.op == Op::And ? Truth::False : Truth::True;
        if (left == decisive)
            return decisive;
        const Truth right = evaluateNode(node.right, values);
        if (right == decisive)
            return decisive;
        return left == Truth::Unknown || right == Truth::Unknown ? Truth::Unknown
                                                                 : (node.op == Op::And ? Truth::True : Truth::False);
    }
    const std::optional<QStringList> known = values(node.property);
    if (!known)
        return Truth::Unknown;
    const QString &v = node.value;
    const auto equal = [&v](const QString &x) { return x.compare(v, Qt::CaseInsensitive) == 0; };
    const auto contains = [&v](const QString &x) { return x.contains(v, Qt::CaseInsensitive); };
    switch (node.op) {
    case Op::Equal: return truth(anyOf(*known, equal));
    case Op::NotEqual: return truth(!anyOf(*known, equal));
    case Op::Contains: return truth(anyOf(*known, contains));
    case Op::DoesNotContain: return truth(!anyOf(*known, contains));
    case Op::DerivedFrom: return truth(anyOf(*known, [&v](const QString &x) { return derivedFrom(x, v); }));
    case Op::Exists: return truth(known->isEmpty() != node.exists);
    case Op::And:
    case Op::Or: break;
    }
    return Truth::False;
}

QList<const SearchCriteria::Node *> SearchCriteria::requiredTerms() const
{
    QList<const Node *> terms;
    QList<int> pending;
    if (m_root >= 0)
        pending << m_root;
    while (!pending.isEmpty()) {
        const Node &node = m_nodes[pending.takeLast()];
        if (node.op == Op::And)
            pending << node.left << node.right;
        else if (node.op != Op::Or)
            terms << &node;
    }
    return terms;
}

QString SearchCriteria::requiredText() const
{
    // The longest such text narrows the most.
    QString best;
    const QList<const Node *> terms = requiredTerms();
    for (const Node *node : terms) {
        if (node->op == Op::Contains && node->property != DidlProperty::Class && node->property != DidlProperty::Genre
            && node->value.size() > best.size())
            best = node->value;
    }
    return best;
}

QString SearchCriteria::requiredEqual(DidlProperty property) const
{
    const QList<const Node *> terms = requiredTerms();
    for (const Node *node : terms) {
        if (node->op == Op::Equal && node->property == property && !node->value.isEmpty())
            return node->value;
    }
    return {};
}

} // namespace cairn::dlna
