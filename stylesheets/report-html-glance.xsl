<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-glance.xsl: section 1 of the HTML report, status at a glance
  (both layers).

  Figure 1, the status matrix (SVG): one row per provision outcome of the
  results (r:outcomes/r:provision, mode glance-matrix-row) with its
  catalog title (c:provision), ICS support, the evidence filed for it
  (d:evidence by provision), its outcome, and one square per test case
  (r:case, mode glance-case-square).  Figure 2, the verdict summary (SVG):
  provisions by outcome and planned test cases (r:plan/r:case) by the
  verdict recorded for them (d:verdicts/d:verdict).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-glance; to change the
  section, redefine that template or one of its template rules in a
  stylesheet that imports report-html.xsl (docs/reports.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="rp d r c exsl str">

  <xsl:template name="sec-glance">
    <section class="sec keep" id="s-glance">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">1</xsl:with-param>
        <xsl:with-param name="title">Status at a glance</xsl:with-param>
        <xsl:with-param name="layer">both</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>One row per clause 5.3 provision of </xsl:text>
        <xsl:call-template name="edition-en"/>
        <xsl:text>, in Annex B order: the ICS support the manufacturer states (requirement layer), the evidence filed for the provision, and the outcome aggregated from the </xsl:text>
        <xsl:call-template name="edition-ts"/>
        <xsl:text> verdicts of its test cases (assessment layer). Each small square is one test case.</xsl:text>
      </p>
      <figure>
        <xsl:call-template name="matrix-svg"/>
        <ul class="legend">
          <li><span class="b b-pass">&#x2713;&#xA0;PASS</span></li>
          <li><span class="b b-fail">&#x2717;&#xA0;FAIL</span></li>
          <li><span class="b b-inc">?&#xA0;INCONCLUSIVE</span></li>
          <li><span class="b b-nas">&#x2013;&#xA0;NOT ASSESSED</span></li>
          <li><span class="b b-nap">&#x2205;&#xA0;NOT APPLICABLE</span></li>
          <li>Squares: P pass, F fail, I inconclusive, &#x2013; no verdict yet</li>
          <xsl:if test="$R/r:findings/r:finding[@claim and @waived != 'true']">
            <li><span class="b b-contra">&#x2717;&#xA0;contradicted</span> a recorded fact contradicts the ICS claim (section 3)</li>
          </xsl:if>
        </ul>
        <figcaption>Figure 1. Status matrix: ICS support &#xD7; evidence &#xD7; verdict outcome, per provision.</figcaption>
      </figure>
      <figure>
        <xsl:call-template name="summary-svg"/>
        <figcaption>Figure 2. Verdict summary: provisions by aggregated outcome, and planned test cases by recorded verdict.</figcaption>
      </figure>
    </section>
  </xsl:template>

  <!-- The status matrix.  Geometry: 1080 wide, 30 per row. -->
  <xsl:template name="matrix-svg">
    <xsl:variable name="rows" select="$R/r:outcomes/r:provision"/>
    <xsl:variable name="top" select="56"/>
    <xsl:variable name="rh" select="30"/>
    <xsl:variable name="h" select="$top + count($rows) * $rh + 6"/>
    <svg id="status-matrix" class="matrix" viewBox="0 0 1080 {$h}" width="1080" height="{$h}" role="img" aria-labelledby="status-matrix-title">
      <title id="status-matrix-title">
        <xsl:text>Status matrix of the </xsl:text>
        <xsl:value-of select="count($rows)"/>
        <xsl:text> clause 5.3 provisions: ICS support, evidence and outcome</xsl:text>
      </title>
      <!-- layer bands -->
      <text x="8" y="14" class="grp grp-req">EN 303 645 &#x2014; requirement layer</text>
      <line x1="8" y1="21" x2="610" y2="21" class="rule-req"/>
      <text x="622" y="14" class="grp grp-evd">Evidence map</text>
      <line x1="622" y1="21" x2="772" y2="21" class="rule-evd"/>
      <text x="784" y="14" class="grp grp-asm">TS 103 701 &#x2014; assessment layer</text>
      <line x1="784" y1="21" x2="1074" y2="21" class="rule-asm"/>
      <text x="8" y="42" class="th">Provision</text>
      <text x="92" y="42" class="th">Status</text>
      <text x="180" y="42" class="th">Title</text>
      <text x="470" y="42" class="th">ICS support</text>
      <text x="622" y="42" class="th">Evidence</text>
      <text x="784" y="42" class="th">Outcome</text>
      <text x="936" y="42" class="th">Test cases</text>
      <xsl:apply-templates select="$rows" mode="glance-matrix-row">
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="rh" select="$rh"/>
      </xsl:apply-templates>
    </svg>
  </xsl:template>

  <!-- One row of the status matrix per provision outcome: ICS support,
       evidence, outcome, test case squares. -->
  <xsl:template match="r:provision" mode="glance-matrix-row">
    <xsl:param name="top"/>
    <xsl:param name="rh"/>
    <xsl:variable name="y" select="$top + (position() - 1) * $rh"/>
    <xsl:variable name="p" select="key('provision', @id)"/>
    <xsl:variable name="ev" select="key('evidence-by-provision', @id)"/>
    <g>
      <title>
        <xsl:value-of select="@id"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$p/c:title"/>
        <xsl:text> &#x2014; </xsl:text>
        <xsl:value-of select="@status"/>
        <xsl:text>; ICS </xsl:text>
        <xsl:choose>
          <xsl:when test="@support">
            <xsl:value-of select="@support"/>
          </xsl:when>
          <xsl:otherwise>not stated</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="key('claim-findings', @id)[@waived != 'true']">
          <xsl:text>, contradicted by a recorded fact</xsl:text>
        </xsl:if>
        <xsl:text>; </xsl:text>
        <xsl:value-of select="count($ev)"/>
        <xsl:text> evidence items; outcome </xsl:text>
        <xsl:value-of select="@outcome"/>
      </title>
      <xsl:if test="position() mod 2 = 1">
        <rect x="0" y="{$y}" width="1080" height="{$rh}" class="zebra"/>
      </xsl:if>
      <text x="8" y="{$y + 19}" class="pid">
        <xsl:value-of select="@id"/>
      </text>
      <text x="92" y="{$y + 19}" class="code">
        <xsl:value-of select="@status"/>
      </text>
      <text x="180" y="{$y + 19}" class="ttl">
        <xsl:call-template name="truncate">
          <xsl:with-param name="text" select="$p/c:title"/>
          <xsl:with-param name="max" select="43"/>
        </xsl:call-template>
      </text>
      <!-- ICS support -->
      <xsl:variable name="sc">
        <xsl:call-template name="support-class">
          <xsl:with-param name="support" select="@support"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="contra" select="key('claim-findings', @id)[@waived != 'true']"/>
      <xsl:choose>
        <xsl:when test="$contra">
          <g class="cell-contra">
            <rect x="470" y="{$y + 5}" width="140" height="20" rx="3"/>
            <text x="540" y="{$y + 19}" text-anchor="middle" class="cell">
              <xsl:text>&#x2717; </xsl:text>
              <xsl:value-of select="@support"/>
              <xsl:text> contradicted</xsl:text>
            </text>
          </g>
        </xsl:when>
        <xsl:otherwise>
          <g class="cell-{$sc}">
            <rect x="470" y="{$y + 5}" width="140" height="20" rx="3"/>
            <text x="540" y="{$y + 19}" text-anchor="middle" class="cell">
              <xsl:call-template name="support-label">
                <xsl:with-param name="support" select="@support"/>
              </xsl:call-template>
            </text>
          </g>
        </xsl:otherwise>
      </xsl:choose>
      <!-- evidence -->
      <xsl:variable name="open" select="count($ev[@review = 'draft' or @review = 'needs-review'])"/>
      <xsl:variable name="evc">
        <xsl:choose>
          <xsl:when test="not($ev) and @support = 'Y'">ev-missing</xsl:when>
          <xsl:when test="not($ev)">ev-none</xsl:when>
          <xsl:when test="$open &gt; 0">ev-open</xsl:when>
          <xsl:otherwise>ev-ok</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <g class="cell-{$evc}">
        <rect x="622" y="{$y + 5}" width="150" height="20" rx="3"/>
        <text x="697" y="{$y + 19}" text-anchor="middle" class="cell">
          <xsl:choose>
            <xsl:when test="not($ev) and @support = 'Y'">none filed</xsl:when>
            <xsl:when test="not($ev)">none</xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="plural">
                <xsl:with-param name="n" select="count($ev)"/>
                <xsl:with-param name="one">item</xsl:with-param>
              </xsl:call-template>
              <xsl:choose>
                <xsl:when test="$open &gt; 0">
                  <xsl:text> &#xB7; </xsl:text>
                  <xsl:value-of select="$open"/>
                  <xsl:text> open</xsl:text>
                </xsl:when>
                <xsl:when test="count($ev[@review = 'accepted']) = count($ev)"> &#xB7; accepted</xsl:when>
                <xsl:otherwise> &#xB7; reviewed</xsl:otherwise>
              </xsl:choose>
            </xsl:otherwise>
          </xsl:choose>
        </text>
      </g>
      <!-- outcome -->
      <xsl:variable name="oc">
        <xsl:call-template name="outcome-class">
          <xsl:with-param name="outcome" select="@outcome"/>
        </xsl:call-template>
      </xsl:variable>
      <g class="cell-{$oc}">
        <rect x="784" y="{$y + 5}" width="140" height="20" rx="3"/>
        <text x="854" y="{$y + 19}" text-anchor="middle" class="cell">
          <xsl:call-template name="outcome-mark">
            <xsl:with-param name="outcome" select="@outcome"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="outcome-label">
            <xsl:with-param name="outcome" select="@outcome"/>
            <xsl:with-param name="basis" select="@basis"/>
          </xsl:call-template>
        </text>
      </g>
      <!-- test cases -->
      <xsl:choose>
        <xsl:when test="not(r:case)">
          <text x="936" y="{$y + 19}" class="meta">
            <xsl:choose>
              <xsl:when test="@basis = 'declared-non-conformity'">declared N</xsl:when>
              <xsl:when test="@basis = 'undecided'">support not stated</xsl:when>
              <xsl:otherwise>none</xsl:otherwise>
            </xsl:choose>
          </text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="r:case[position() &lt;= 7]" mode="glance-case-square">
            <xsl:with-param name="y" select="$y"/>
          </xsl:apply-templates>
          <xsl:if test="count(r:case) &gt; 7">
            <text x="1071" y="{$y + 19}" class="meta" text-anchor="end">
              <xsl:text>+</xsl:text>
              <xsl:value-of select="count(r:case) - 7"/>
            </text>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </g>
  </xsl:template>

  <!-- One small square per test case of the provision (the first seven). -->
  <xsl:template match="r:case" mode="glance-case-square">
    <xsl:param name="y"/>
    <xsl:variable name="x" select="936 + (position() - 1) * 19"/>
    <xsl:variable name="cc">
      <xsl:call-template name="outcome-class">
        <xsl:with-param name="outcome" select="@outcome"/>
      </xsl:call-template>
    </xsl:variable>
    <g class="cell-{$cc}">
      <title>
        <xsl:value-of select="@id"/>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="@outcome"/>
      </title>
      <rect x="{$x}" y="{$y + 7}" width="16" height="16" rx="2"/>
      <text x="{$x + 8}" y="{$y + 19}" text-anchor="middle" class="sq">
        <xsl:choose>
          <xsl:when test="@outcome = 'PASS'">P</xsl:when>
          <xsl:when test="@outcome = 'FAIL'">F</xsl:when>
          <xsl:when test="@outcome = 'INCONCLUSIVE'">I</xsl:when>
          <xsl:otherwise>&#x2013;</xsl:otherwise>
        </xsl:choose>
      </text>
    </g>
  </xsl:template>

  <!-- The verdict summary: two bar panels. -->
  <xsl:template name="summary-svg">
    <xsl:variable name="prov" select="$R/r:outcomes/r:provision"/>
    <xsl:variable name="cases" select="$R/r:plan/r:case"/>
    <svg id="verdict-summary" viewBox="0 0 1080 176" width="1080" height="176" role="img" aria-labelledby="verdict-summary-title">
      <title id="verdict-summary-title">
        <xsl:text>Verdict summary: </xsl:text>
        <xsl:value-of select="count($prov)"/>
        <xsl:text> provisions by outcome and </xsl:text>
        <xsl:value-of select="count($cases)"/>
        <xsl:text> planned test cases by verdict</xsl:text>
      </title>
      <text x="0" y="16" class="panel-title">
        <xsl:text>Provisions by outcome (</xsl:text>
        <xsl:value-of select="count($prov)"/>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="edition-en"/>
        <xsl:text>)</xsl:text>
      </text>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="0"/>
        <xsl:with-param name="i" select="0"/>
        <xsl:with-param name="label">PASS</xsl:with-param>
        <xsl:with-param name="n" select="count($prov[@outcome = 'PASS'])"/>
        <xsl:with-param name="total" select="count($prov)"/>
      </xsl:call-template>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="0"/>
        <xsl:with-param name="i" select="1"/>
        <xsl:with-param name="label">FAIL</xsl:with-param>
        <xsl:with-param name="n" select="count($prov[@outcome = 'FAIL'])"/>
        <xsl:with-param name="total" select="count($prov)"/>
      </xsl:call-template>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="0"/>
        <xsl:with-param name="i" select="2"/>
        <xsl:with-param name="label">INCONCLUSIVE</xsl:with-param>
        <xsl:with-param name="n" select="count($prov[@outcome = 'INCONCLUSIVE'])"/>
        <xsl:with-param name="total" select="count($prov)"/>
      </xsl:call-template>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="0"/>
        <xsl:with-param name="i" select="3"/>
        <xsl:with-param name="label">NOT ASSESSED</xsl:with-param>
        <xsl:with-param name="n" select="count($prov[@outcome = 'NOT ASSESSED'])"/>
        <xsl:with-param name="total" select="count($prov)"/>
      </xsl:call-template>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="0"/>
        <xsl:with-param name="i" select="4"/>
        <xsl:with-param name="label">NOT APPLICABLE</xsl:with-param>
        <xsl:with-param name="n" select="count($prov[@outcome = 'NOT APPLICABLE'])"/>
        <xsl:with-param name="total" select="count($prov)"/>
      </xsl:call-template>

      <text x="560" y="16" class="panel-title">
        <xsl:text>Planned test cases by verdict (</xsl:text>
        <xsl:value-of select="count($cases)"/>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="edition-ts"/>
        <xsl:text>)</xsl:text>
      </text>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="560"/>
        <xsl:with-param name="i" select="0"/>
        <xsl:with-param name="label">PASS</xsl:with-param>
        <xsl:with-param name="n" select="count($cases[key('verdict', @id)/@result = 'PASS'])"/>
        <xsl:with-param name="total" select="count($cases)"/>
      </xsl:call-template>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="560"/>
        <xsl:with-param name="i" select="1"/>
        <xsl:with-param name="label">FAIL</xsl:with-param>
        <xsl:with-param name="n" select="count($cases[key('verdict', @id)/@result = 'FAIL'])"/>
        <xsl:with-param name="total" select="count($cases)"/>
      </xsl:call-template>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="560"/>
        <xsl:with-param name="i" select="2"/>
        <xsl:with-param name="label">INCONCLUSIVE</xsl:with-param>
        <xsl:with-param name="n" select="count($cases[key('verdict', @id)/@result = 'INCONCLUSIVE'])"/>
        <xsl:with-param name="total" select="count($cases)"/>
      </xsl:call-template>
      <xsl:call-template name="bar">
        <xsl:with-param name="x0" select="560"/>
        <xsl:with-param name="i" select="3"/>
        <xsl:with-param name="label">NOT ASSESSED</xsl:with-param>
        <xsl:with-param name="caption">no verdict yet</xsl:with-param>
        <xsl:with-param name="n" select="count($cases[not(key('verdict', @id))])"/>
        <xsl:with-param name="total" select="count($cases)"/>
      </xsl:call-template>
    </svg>
  </xsl:template>

  <xsl:template name="bar">
    <xsl:param name="x0"/>
    <xsl:param name="i"/>
    <xsl:param name="label"/>
    <xsl:param name="caption" select="$label"/>
    <xsl:param name="n"/>
    <xsl:param name="total"/>
    <xsl:variable name="y" select="30 + $i * 28"/>
    <xsl:variable name="cls">
      <xsl:call-template name="outcome-class">
        <xsl:with-param name="outcome" select="$label"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="w">
      <xsl:choose>
        <xsl:when test="$total &gt; 0">
          <xsl:value-of select="format-number($n div $total * 320, '0.#')"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <g>
      <text x="{$x0}" y="{$y + 14}" class="bar-label cell-{$cls}">
        <xsl:call-template name="outcome-mark">
          <xsl:with-param name="outcome" select="$label"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$caption"/>
      </text>
      <rect x="{$x0 + 130}" y="{$y}" width="320" height="19" class="bar-track"/>
      <xsl:if test="$n &gt; 0">
        <rect x="{$x0 + 130}" y="{$y}" width="{$w}" height="19" rx="2" class="bar cell-{$cls}"/>
      </xsl:if>
      <text x="{$x0 + 458}" y="{$y + 14}" class="bar-count cell-{$cls}">
        <xsl:value-of select="$n"/>
      </text>
    </g>
  </xsl:template>

</xsl:stylesheet>
