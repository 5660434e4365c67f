<?xml version="1.0" encoding="UTF-8"?>
<!--
  summary-md.xsl: a Markdown summary (etsi report FILE - -format md) for
  pull requests, merge requests and wikis (GitHub-flavoured tables).

  Title and editions, the clause 5.3 outcome, the release gate, the
  findings counts, the test plan's progress, one table row per provision
  (EN 303 645 requirement layer, with the TS 103 701 outcome; a claim a
  recorded fact contradicts is marked), the claims the facts contradict,
  what the typed product facts record per update mechanism and the
  support period (in their own strength; "not stated" and "unknown" are
  never "no"), the open questions, verdicts that need attention (FAIL,
  INCONCLUSIVE) with their indications, the top ten unwaived findings
  (errors first) and the gate's steps.

  Dossier text is data, never Markdown: every value goes through "md"
  (text) or "md-code" (a code span), so that it cannot make a link, an
  image, raw HTML, a heading, a list, a quote, emphasis, a table cell, a
  mention or an autolink, nor close a code span.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="rp d r c str">

  <xsl:include href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="D" select="/rp:report/d:dossier"/>
  <xsl:variable name="R" select="/rp:report/r:results"/>
  <xsl:variable name="S" select="$R/r:summary"/>
  <xsl:variable name="NL" select="'&#10;'"/>

  <xsl:template match="/">
    <!-- title -->
    <xsl:text># </xsl:text>
    <xsl:call-template name="md">
      <xsl:with-param name="s">
        <xsl:choose>
          <xsl:when test="normalize-space($D/d:header/d:title) != ''">
            <xsl:value-of select="$D/d:header/d:title"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$D/d:dut/d:model-designation"/>
            <xsl:text>: clause 5.3 dossier, release </xsl:text>
            <xsl:value-of select="$D/d:header/d:release/@version"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:text>EN 303 645 V</xsl:text>
    <xsl:value-of select="$D/d:header/d:editions/@en303645"/>
    <xsl:text> clause 5.3 (requirement layer) · TS 103 701 V</xsl:text>
    <xsl:value-of select="$D/d:header/d:editions/@ts103701"/>
    <xsl:text> (assessment layer) · release </xsl:text>
    <xsl:call-template name="md">
      <xsl:with-param name="s" select="$D/d:header/d:release/@version"/>
    </xsl:call-template>
    <xsl:if test="$date != ''">
      <xsl:text> · report date </xsl:text>
      <xsl:value-of select="$date"/>
    </xsl:if>
    <xsl:text>&#10;&#10;</xsl:text>

    <!-- key figures -->
    <xsl:variable name="ncases" select="count($R/r:plan/r:case)"/>
    <xsl:text>| | |&#10;|---|---|&#10;</xsl:text>
    <xsl:text>| Device | </xsl:text>
    <xsl:call-template name="md">
      <xsl:with-param name="s" select="normalize-space(concat($D/d:dut/d:manufacturer, ' ', $D/d:dut/d:model-designation))"/>
    </xsl:call-template>
    <xsl:if test="$D/d:dut/d:software-version">
      <xsl:text>, software </xsl:text>
      <xsl:call-template name="md">
        <xsl:with-param name="s" select="$D/d:dut/d:software-version"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text> |&#10;</xsl:text>
    <xsl:text>| Clause 5.3 outcome | **</xsl:text>
    <xsl:value-of select="$S/@overall"/>
    <xsl:text>** |&#10;</xsl:text>
    <xsl:text>| Release gate | **</xsl:text>
    <xsl:choose>
      <xsl:when test="$S/@ready = 'true'">READY</xsl:when>
      <xsl:otherwise>NOT READY</xsl:otherwise>
    </xsl:choose>
    <xsl:text>**: </xsl:text>
    <xsl:value-of select="count($R/r:gate/r:step[@status = 'complete'])"/>
    <xsl:text> of </xsl:text>
    <xsl:value-of select="count($R/r:gate/r:step)"/>
    <xsl:text> steps complete |&#10;</xsl:text>
    <xsl:text>| Findings | </xsl:text>
    <xsl:value-of select="$S/@errors"/>
    <xsl:text> errors, </xsl:text>
    <xsl:value-of select="$S/@warnings"/>
    <xsl:text> warnings, </xsl:text>
    <xsl:value-of select="$S/@infos"/>
    <xsl:text> info (</xsl:text>
    <xsl:value-of select="$S/@waived"/>
    <xsl:text> waived) |&#10;</xsl:text>
    <xsl:text>| Test plan | </xsl:text>
    <xsl:value-of select="$ncases"/>
    <xsl:text> test cases, </xsl:text>
    <xsl:value-of select="count($R/r:plan/r:case[@ready = 'true'])"/>
    <xsl:text> ready, </xsl:text>
    <xsl:value-of select="count($R/r:plan/r:case[key('verdict', @id)])"/>
    <xsl:text> with a verdict</xsl:text>
    <xsl:if test="$R/r:plan/r:case[@at-risk = 'true']">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="count($R/r:plan/r:case[@at-risk = 'true'])"/>
      <xsl:text> at risk of INCONCLUSIVE</xsl:text>
    </xsl:if>
    <xsl:text> |&#10;</xsl:text>
    <xsl:if test="$D/d:self-assessment/d:result">
      <xsl:variable name="self" select="$D/d:self-assessment/d:result"/>
      <xsl:text>| Supplier's self-assessment | </xsl:text>
      <xsl:value-of select="count($self)"/>
      <xsl:text> results: </xsl:text>
      <xsl:value-of select="count($self[@outcome = 'PASS'])"/>
      <xsl:text> PASS, </xsl:text>
      <xsl:value-of select="count($self[@outcome = 'FAIL'])"/>
      <xsl:text> FAIL, </xsl:text>
      <xsl:value-of select="count($self[@outcome = 'INCONCLUSIVE'])"/>
      <xsl:text> INCONCLUSIVE, </xsl:text>
      <xsl:value-of select="count($self[@outcome = 'N/A'])"/>
      <xsl:text> N/A (the supplier's, not laboratory verdicts) |&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$D/d:header/d:public-statement">
      <xsl:text>| Public statement | </xsl:text>
      <xsl:choose>
        <xsl:when test="$D/d:header/d:public-statement/@conformance = 'true'">conformance stated</xsl:when>
        <xsl:otherwise>no conformance claim</xsl:otherwise>
      </xsl:choose>
      <xsl:text> |&#10;</xsl:text>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>

    <!-- provisions -->
    <xsl:text>## Provisions&#10;&#10;</xsl:text>
    <xsl:text>| Provision | Title | Status | ICS | Outcome | Test cases |&#10;</xsl:text>
    <xsl:text>|---|---|---|---|---|---|&#10;</xsl:text>
    <xsl:for-each select="$R/r:outcomes/r:provision">
      <xsl:text>| </xsl:text>
      <xsl:value-of select="@id"/>
      <xsl:text> | </xsl:text>
      <xsl:call-template name="md">
        <xsl:with-param name="s" select="key('provision', @id)/c:title"/>
      </xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:value-of select="@status"/>
      <xsl:text> | </xsl:text>
      <xsl:choose>
        <xsl:when test="@support">
          <xsl:value-of select="@support"/>
        </xsl:when>
        <xsl:otherwise>–</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="key('claim-findings', @id)[@waived != 'true']">
        <xsl:text> ✗ contradicted</xsl:text>
      </xsl:if>
      <xsl:text> | </xsl:text>
      <xsl:call-template name="outcome-mark">
        <xsl:with-param name="outcome" select="@outcome"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="outcome-label">
        <xsl:with-param name="outcome" select="@outcome"/>
        <xsl:with-param name="basis" select="@basis"/>
      </xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:for-each select="r:case">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="@id"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="outcome-mark">
          <xsl:with-param name="outcome" select="@outcome"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:text> |&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;✓ PASS · ✗ FAIL · ? INCONCLUSIVE · – NOT ASSESSED · ∅ NOT APPLICABLE&#10;&#10;</xsl:text>

    <!-- claims the recorded facts contradict -->
    <xsl:variable name="contra" select="$R/r:findings/r:finding[@claim and @waived != 'true']"/>
    <xsl:if test="$contra">
      <xsl:text>## Claims the recorded facts contradict&#10;&#10;</xsl:text>
      <xsl:for-each select="$contra">
        <xsl:text>- **</xsl:text>
        <xsl:call-template name="md">
          <xsl:with-param name="s" select="@claim"/>
        </xsl:call-template>
        <xsl:text>**</xsl:text>
        <xsl:if test="@fact">
          <xsl:text> contradicted by </xsl:text>
          <xsl:call-template name="md">
            <xsl:with-param name="s" select="@fact"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="@fact-line">
          <xsl:text> (line </xsl:text>
          <xsl:value-of select="@fact-line"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="md-code">
          <xsl:with-param name="s" select="@rule"/>
        </xsl:call-template>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>

    <!-- product facts -->
    <xsl:variable name="mechs" select="$D/d:update-boundary/d:mechanism"/>
    <xsl:variable name="sp" select="$D/d:ixit/d:user-info/d:support-period"/>
    <xsl:text>## Product facts&#10;&#10;</xsl:text>
    <xsl:text>What the typed facts record, in their own words; *not stated*: the dossier leaves it out, *unknown*: it records that it is not known.&#10;&#10;</xsl:text>
    <xsl:if test="$mechs">
      <xsl:text>| Mechanism | Authenticity and integrity | Anti-rollback | Automatic updates | Checks for updates | Security-update notice |&#10;</xsl:text>
      <xsl:text>|---|---|---|---|---|---|&#10;</xsl:text>
      <xsl:for-each select="$mechs">
        <xsl:text>| </xsl:text>
        <xsl:call-template name="md">
          <xsl:with-param name="s" select="d:name"/>
        </xsl:call-template>
        <xsl:text> | </xsl:text>
        <xsl:call-template name="md-fact">
          <xsl:with-param name="v" select="d:verification/@where"/>
          <xsl:with-param name="fact">where</xsl:with-param>
        </xsl:call-template>
        <xsl:text> | </xsl:text>
        <xsl:call-template name="md-fact">
          <xsl:with-param name="v" select="d:anti-rollback/@kind"/>
          <xsl:with-param name="fact">rollback</xsl:with-param>
        </xsl:call-template>
        <xsl:text> | default </xsl:text>
        <xsl:call-template name="md-fact">
          <xsl:with-param name="v" select="d:automation/@default"/>
          <xsl:with-param name="fact">default</xsl:with-param>
        </xsl:call-template>
        <xsl:text> | at boot </xsl:text>
        <xsl:call-template name="md-fact">
          <xsl:with-param name="v" select="d:update-check/@at-boot"/>
        </xsl:call-template>
        <xsl:text>, periodically </xsl:text>
        <xsl:call-template name="md-fact">
          <xsl:with-param name="v" select="d:update-check/@periodic"/>
        </xsl:call-template>
        <xsl:if test="d:update-check/@period">
          <xsl:text> (every </xsl:text>
          <xsl:call-template name="duration-words">
            <xsl:with-param name="d" select="d:update-check/@period"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text> | </xsl:text>
        <xsl:call-template name="md-fact">
          <xsl:with-param name="v" select="d:notice/@security-updates"/>
        </xsl:call-template>
        <xsl:text> |&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:text>Support period: </xsl:text>
    <xsl:choose>
      <xsl:when test="$sp/@stated = 'not-stated'">not stated (the dossier records that the manufacturer states none)</xsl:when>
      <xsl:when test="$sp/@end or $sp/@duration">
        <xsl:if test="$sp/@end">
          <xsl:text>until </xsl:text>
          <xsl:value-of select="$sp/@end"/>
        </xsl:if>
        <xsl:if test="$sp/@end and $sp/@duration">
          <xsl:text>, </xsl:text>
        </xsl:if>
        <xsl:if test="$sp/@duration">
          <xsl:call-template name="duration-words">
            <xsl:with-param name="d" select="$sp/@duration"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>*not stated*</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$D/d:header/d:public-statement/@support-end">
      <xsl:text>; the public statement says until </xsl:text>
      <xsl:value-of select="$D/d:header/d:public-statement/@support-end"/>
    </xsl:if>
    <xsl:text>&#10;&#10;</xsl:text>

    <!-- open questions -->
    <xsl:variable name="questions" select="$R/r:open-questions/r:question"/>
    <xsl:if test="$questions">
      <xsl:text>## Open questions&#10;&#10;</xsl:text>
      <xsl:for-each select="$questions[position() &lt;= 10]">
        <xsl:text>- </xsl:text>
        <xsl:call-template name="md">
          <xsl:with-param name="s" select="@fact"/>
          <xsl:with-param name="lead" select="true()"/>
        </xsl:call-template>
        <xsl:if test="@provisions">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="md">
            <xsl:with-param name="s" select="@provisions"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:if test="normalize-space(.) != ''">
          <xsl:text>: </xsl:text>
          <xsl:call-template name="md">
            <xsl:with-param name="s" select="."/>
          </xsl:call-template>
        </xsl:if>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:if test="count($questions) &gt; 10">
        <xsl:text>- … and </xsl:text>
        <xsl:value-of select="count($questions) - 10"/>
        <xsl:text> more&#10;</xsl:text>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>

    <!-- verdicts needing attention -->
    <xsl:variable name="attention" select="$D/d:verdicts/d:verdict[@result != 'PASS']"/>
    <xsl:if test="$attention">
      <xsl:text>## Verdicts needing attention&#10;&#10;</xsl:text>
      <xsl:for-each select="$attention">
        <xsl:text>- **</xsl:text>
        <xsl:value-of select="@case"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="@result"/>
        <xsl:text>** (</xsl:text>
        <xsl:value-of select="@date"/>
        <xsl:text>)</xsl:text>
        <xsl:choose>
          <xsl:when test="d:indication">
            <xsl:for-each select="d:indication">
              <xsl:text>&#10;  - </xsl:text>
              <xsl:call-template name="md">
                <xsl:with-param name="s" select="."/>
                <xsl:with-param name="lead" select="true()"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="d:note">
            <xsl:text>: </xsl:text>
            <xsl:call-template name="md">
              <xsl:with-param name="s" select="d:note"/>
            </xsl:call-template>
          </xsl:when>
        </xsl:choose>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>

    <!-- findings -->
    <xsl:variable name="open" select="$R/r:findings/r:finding[@waived != 'true']"/>
    <xsl:text>## Top findings&#10;&#10;</xsl:text>
    <xsl:choose>
      <xsl:when test="$open">
        <xsl:for-each select="$open">
          <xsl:sort select="number(@severity = 'warning') + 2 * number(@severity = 'info')" data-type="number"/>
          <xsl:if test="position() &lt;= 10">
            <xsl:text>- **</xsl:text>
            <xsl:value-of select="@severity"/>
            <xsl:text>** </xsl:text>
            <xsl:call-template name="md-code">
              <xsl:with-param name="s" select="@rule"/>
            </xsl:call-template>
            <xsl:if test="@reference">
              <xsl:text> (</xsl:text>
              <xsl:value-of select="@reference"/>
              <xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:text>: </xsl:text>
            <xsl:call-template name="md">
              <xsl:with-param name="s" select="r:message"/>
            </xsl:call-template>
            <xsl:if test="r:hint">
              <xsl:text>. Fix: </xsl:text>
              <xsl:call-template name="md">
                <xsl:with-param name="s" select="r:hint"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:text>&#10;</xsl:text>
          </xsl:if>
        </xsl:for-each>
        <xsl:if test="count($open) &gt; 10">
          <xsl:text>- … and </xsl:text>
          <xsl:value-of select="count($open) - 10"/>
          <xsl:text> more (`etsi check` lists them all)&#10;</xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>None: `etsi check` reports no unwaived finding.&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>

    <!-- gate -->
    <xsl:text>## Release gate&#10;&#10;</xsl:text>
    <xsl:text>| Step | Owner | Status | Blockers |&#10;|---|---|---|---|&#10;</xsl:text>
    <xsl:for-each select="$R/r:gate/r:step">
      <xsl:text>| </xsl:text>
      <xsl:value-of select="position()"/>
      <xsl:text>. </xsl:text>
      <xsl:call-template name="md">
        <xsl:with-param name="s" select="@title"/>
      </xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:choose>
        <xsl:when test="@owner">
          <xsl:call-template name="md">
            <xsl:with-param name="s" select="@owner"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>*none*</xsl:otherwise>
      </xsl:choose>
      <xsl:text> | </xsl:text>
      <xsl:choose>
        <xsl:when test="@status = 'complete'">✓ complete</xsl:when>
        <xsl:otherwise>✗ blocked</xsl:otherwise>
      </xsl:choose>
      <xsl:text> | </xsl:text>
      <xsl:value-of select="count(r:blocker)"/>
      <xsl:text> |&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;---&#10;Generated by </xsl:text>
    <xsl:value-of select="/rp:report/@generator"/>
    <xsl:if test="/rp:report/@source">
      <xsl:text> from </xsl:text>
      <xsl:call-template name="md-code">
        <xsl:with-param name="s" select="/rp:report/@source"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text>.&#10;</xsl:text>
  </xsl:template>

  <!-- A typed fact for a table cell: its words, *not stated* when left
       out, *unknown* when recorded as not known. -->
  <xsl:template name="md-fact">
    <xsl:param name="v"/>
    <xsl:param name="fact"/>
    <xsl:choose>
      <xsl:when test="not($v)">*not stated*</xsl:when>
      <xsl:when test="$v = 'unknown'">*unknown*</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="fact-words">
          <xsl:with-param name="fact" select="$fact"/>
          <xsl:with-param name="value" select="string($v)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text fit for a Markdown table cell, list item or heading: one line
       (whitespace normalised), shown as written and never read as
       Markdown.  Backslash-escaped: \ ` * _ [ ] | ~ # (code spans,
       emphasis, links and images, table cells, strikethrough, headings);
       & < > as entities (entities, raw HTML, autolinks); with lead, a
       leading - + = or digit as a character reference (lists); a word
       joiner (U+2060, invisible) after every @ and inside :// and www.
       (mentions, e-mail and URL autolinks, which renderers find in plain
       text).  Linear: EXSLT str:replace, no recursion. -->
  <xsl:template name="md">
    <xsl:param name="s"/>
    <!-- true() where the text starts a block (a list item's) -->
    <xsl:param name="lead" select="false()"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:variable name="e1" select="str:replace(str:replace(str:replace(str:replace($t, '\', '\\'), '&amp;', '&amp;amp;'), '&lt;', '&amp;lt;'), '&gt;', '&amp;gt;')"/>
    <xsl:variable name="e2" select="str:replace(str:replace(str:replace(str:replace(str:replace($e1, '`', '\`'), '*', '\*'), '_', '\_'), '[', '\['), ']', '\]')"/>
    <xsl:variable name="e3" select="str:replace(str:replace(str:replace($e2, '|', '\|'), '~', '\~'), '#', '\#')"/>
    <xsl:variable name="e4" select="str:replace(str:replace(str:replace(str:replace($e3, '@', '@&#x2060;'), '://', ':&#x2060;//'), 'www.', 'www&#x2060;.'), 'WWW.', 'WWW&#x2060;.')"/>
    <xsl:variable name="first" select="substring($e4, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$lead and $first != '' and contains('-+=0123456789', $first)">
        <xsl:text>&amp;#</xsl:text>
        <xsl:choose>
          <xsl:when test="$first = '-'">45</xsl:when>
          <xsl:when test="$first = '+'">43</xsl:when>
          <xsl:when test="$first = '='">61</xsl:when>
          <xsl:otherwise><xsl:value-of select="48 + number($first)"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>;</xsl:text>
        <xsl:value-of select="substring($e4, 2)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$e4"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A code span of any text, file names with backticks included: one
       line, fenced with one backtick more than the longest run of
       backticks in it, padded with a space on each side when it begins or
       ends with a backtick or a space (CommonMark strips one from each
       side, so a backtick at either end stays). -->
  <xsl:template name="md-code">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="translate($s, '&#9;&#10;&#13;', '   ')"/>
    <xsl:variable name="n">
      <xsl:call-template name="backtick-fence">
        <xsl:with-param name="s" select="$t"/>
        <xsl:with-param name="hi" select="1"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="fence" select="str:padding(number($n), '`')"/>
    <xsl:variable name="pad" select="substring(' ', 1, number(starts-with($t, '`') or starts-with($t, ' ') or substring($t, string-length($t)) = '`' or substring($t, string-length($t)) = ' '))"/>
    <xsl:value-of select="concat($fence, $pad, $t, $pad, $fence)"/>
  </xsl:template>

  <!-- The length of the shortest run of backticks that $s does not
       contain (one more than its longest run): doubling $hi until $s
       lacks that many in a row, then halving the interval; the recursion
       is logarithmic in the length. -->
  <xsl:template name="backtick-fence">
    <xsl:param name="s"/>
    <xsl:param name="lo" select="0"/>
    <xsl:param name="hi"/>
    <xsl:param name="found" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($found) and contains($s, str:padding($hi, '`'))">
        <xsl:call-template name="backtick-fence">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="lo" select="$hi"/>
          <xsl:with-param name="hi" select="2 * $hi"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$hi - $lo &lt;= 1">
        <xsl:value-of select="$hi"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- $s holds $lo backticks in a row and not $hi -->
        <xsl:variable name="mid" select="floor(($lo + $hi) div 2)"/>
        <xsl:choose>
          <xsl:when test="contains($s, str:padding($mid, '`'))">
            <xsl:call-template name="backtick-fence">
              <xsl:with-param name="s" select="$s"/>
              <xsl:with-param name="lo" select="$mid"/>
              <xsl:with-param name="hi" select="$hi"/>
              <xsl:with-param name="found" select="true()"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="backtick-fence">
              <xsl:with-param name="s" select="$s"/>
              <xsl:with-param name="lo" select="$lo"/>
              <xsl:with-param name="hi" select="$mid"/>
              <xsl:with-param name="found" select="true()"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
