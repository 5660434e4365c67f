<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-verdicts.xsl: section 9 of the HTML report, outcomes and verdicts
  (TS 103 701 assessment layer).

  One row per provision outcome of the results (r:outcomes/r:provision,
  mode verdicts-outcome-row), one per verdict the laboratory recorded
  (d:verdicts/d:verdict, mode verdicts-verdict-row; its indications,
  d:indication, in mode verdicts-indication), and the supplier's
  self-assessment apart (named template self-assessment:
  d:self-assessment/d:result, mode verdicts-self-row).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-verdicts; to change the
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

  <xsl:template name="sec-verdicts">
    <section class="sec" id="s-verdicts">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">9</xsl:with-param>
        <xsl:with-param name="title">Outcomes and verdicts</xsl:with-param>
        <xsl:with-param name="layer">assessment</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>The verdicts the laboratory recorded per </xsl:text>
        <xsl:call-template name="edition-ts"/>
        <xsl:text> test case, and the outcome libetsi aggregates from them for each EN 303 645 provision and for clause 5.3 (any FAIL gives FAIL, then INCONCLUSIVE, then NOT ASSESSED, else PASS; NOT APPLICABLE takes no part; see docs/verdicts.md). Clause 5.3: </xsl:text>
        <xsl:call-template name="outcome-badge">
          <xsl:with-param name="outcome" select="$S/@overall"/>
        </xsl:call-template>
      </p>
      <h3>Outcome per provision</h3>
      <table class="t fixed">
        <thead>
          <tr>
            <th class="w24">Provision</th>
            <th class="w9">Status</th>
            <th class="w8">Support</th>
            <th class="w14">Basis</th>
            <th class="w16">Outcome</th>
            <th>Test cases</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$R/r:outcomes/r:provision" mode="verdicts-outcome-row"/>
        </tbody>
      </table>

      <h3>Recorded verdicts</h3>
      <xsl:choose>
        <xsl:when test="$D/d:verdicts/d:verdict">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w11">Test case</th>
                <th class="w14">Result</th>
                <th class="w16">By, on</th>
                <th>Observations and indications</th>
                <th class="w18">Evidence</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$D/d:verdicts/d:verdict" mode="verdicts-verdict-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No verdict is recorded yet.</p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="self-assessment"/>
    </section>
  </xsl:template>

  <!-- One row per provision: status, support, basis, outcome and its test
       cases. -->
  <xsl:template match="r:provision" mode="verdicts-outcome-row">
    <tr id="out-{@id}">
      <td class="id">
        <xsl:value-of select="@id"/>
        <span class="sub-id">
          <xsl:call-template name="truncate">
            <xsl:with-param name="text" select="key('provision', @id)/c:title"/>
            <xsl:with-param name="max" select="40"/>
          </xsl:call-template>
        </span>
      </td>
      <td class="id mono">
        <xsl:value-of select="@status"/>
      </td>
      <td>
        <xsl:call-template name="support-badge">
          <xsl:with-param name="support" select="@support"/>
        </xsl:call-template>
      </td>
      <td class="small">
        <xsl:call-template name="basis-label">
          <xsl:with-param name="basis" select="@basis"/>
        </xsl:call-template>
      </td>
      <td>
        <xsl:call-template name="outcome-badge">
          <xsl:with-param name="outcome" select="@outcome"/>
          <xsl:with-param name="basis" select="@basis"/>
        </xsl:call-template>
      </td>
      <td class="small">
        <xsl:for-each select="r:case">
          <span class="nowrap">
            <a href="#tc-{@id}" class="mono">
              <xsl:value-of select="@id"/>
            </a>
            <xsl:text>&#xA0;</xsl:text>
            <xsl:call-template name="outcome-mark">
              <xsl:with-param name="outcome" select="@outcome"/>
            </xsl:call-template>
          </span>
          <xsl:if test="position() != last()">
            <xsl:text>, </xsl:text>
          </xsl:if>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per recorded verdict. -->
  <xsl:template match="d:verdict" mode="verdicts-verdict-row">
    <xsl:variable name="pc" select="key('planned-case', @case)"/>
    <tr id="v-{@case}">
      <td class="id">
        <xsl:value-of select="@case"/>
        <span class="sub-id">
          <xsl:text>provision </xsl:text>
          <xsl:choose>
            <xsl:when test="$pc">
              <xsl:value-of select="$pc/@provision"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="key('test-case', @case)/../@provision"/>
              <xsl:text> (not planned)</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </span>
      </td>
      <td>
        <xsl:call-template name="outcome-badge">
          <xsl:with-param name="outcome" select="@result"/>
        </xsl:call-template>
      </td>
      <td class="small">
        <xsl:variable name="party" select="key('party', @by)"/>
        <xsl:choose>
          <xsl:when test="$party">
            <xsl:value-of select="$party/d:name"/>
            <xsl:text> (</xsl:text>
            <xsl:value-of select="$party/@role"/>
            <xsl:text>)</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="@by"/>
          </xsl:otherwise>
        </xsl:choose>
        <span class="sub-id">
          <xsl:value-of select="@date"/>
        </span>
      </td>
      <td class="small">
        <xsl:if test="d:note">
          <div>
            <xsl:value-of select="normalize-space(d:note)"/>
          </div>
        </xsl:if>
        <xsl:apply-templates select="d:indication" mode="verdicts-indication"/>
        <xsl:if test="not(d:note) and not(d:indication)">
          <span class="muted">&#x2013;</span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:for-each select="d:evidence-ref">
          <div>
            <a href="#e-{@ref}" class="mono">
              <xsl:value-of select="@ref"/>
            </a>
          </div>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <!-- An indication of a verdict. -->
  <xsl:template match="d:indication" mode="verdicts-indication">
    <div>
      <xsl:attribute name="class">
        <xsl:text>callout</xsl:text>
        <xsl:if test="../@result = 'FAIL'"> fail</xsl:if>
      </xsl:attribute>
      <strong>Indication: </strong>
      <xsl:value-of select="normalize-space(.)"/>
    </div>
  </xsl:template>

  <!-- The supplier's own results: its table, never mixed with the
       laboratory's verdicts, and taking no part in the outcomes. -->
  <xsl:template name="self-assessment">
    <xsl:variable name="results" select="$D/d:self-assessment/d:result"/>
    <h3 id="s-self">Supplier&#x2019;s self-assessment</h3>
    <p class="self-note">
      <xsl:text>Results the supplier organization recorded about its own product. They are the supplier&#x2019;s, not the test laboratory&#x2019;s: they take no part in the outcomes above, and the ICS support and the laboratory&#x2019;s verdict stand beside each for comparison.</xsl:text>
    </p>
    <xsl:choose>
      <xsl:when test="$results">
        <table class="t fixed self">
          <thead>
            <tr>
              <th class="w14">Provision or test case</th>
              <th class="w16">Supplier&#x2019;s result</th>
              <th class="w16">By, on</th>
              <th>Supplier&#x2019;s note</th>
              <th class="w11">ICS support</th>
              <th class="w14">Laboratory</th>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="$results" mode="verdicts-self-row"/>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">The dossier records no self-assessment by the supplier.</p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One row per result of the supplier's self-assessment. -->
  <xsl:template match="d:result" mode="verdicts-self-row">
    <xsl:variable name="tc" select="key('test-case', @ref)"/>
    <xsl:variable name="prov">
      <xsl:choose>
        <xsl:when test="$tc">
          <xsl:value-of select="$tc/../@provision"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@ref"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="support" select="key('ics-entry', $prov)/@support"/>
    <tr>
      <td class="id">
        <xsl:value-of select="@ref"/>
        <span class="sub-id">
          <xsl:choose>
            <xsl:when test="$tc">
              <xsl:text>test case of </xsl:text>
              <xsl:value-of select="$prov"/>
            </xsl:when>
            <xsl:when test="key('provision', @ref)">provision</xsl:when>
            <xsl:otherwise>not in the catalogs</xsl:otherwise>
          </xsl:choose>
        </span>
      </td>
      <td>
        <xsl:call-template name="outcome-badge">
          <xsl:with-param name="outcome">
            <xsl:choose>
              <xsl:when test="@outcome = 'N/A'">NOT APPLICABLE</xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="@outcome"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="label" select="@outcome"/>
        </xsl:call-template>
        <span class="sub-id">the supplier&#x2019;s</span>
      </td>
      <td class="small">
        <xsl:variable name="party" select="key('party', @by)"/>
        <xsl:choose>
          <xsl:when test="$party">
            <xsl:value-of select="$party/d:name"/>
            <xsl:text> (</xsl:text>
            <xsl:value-of select="$party/@role"/>
            <xsl:text>)</xsl:text>
          </xsl:when>
          <xsl:when test="@by">
            <xsl:value-of select="@by"/>
          </xsl:when>
          <xsl:otherwise>
            <span class="fv fv-none">not stated</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@date">
          <span class="sub-id">
            <xsl:value-of select="@date"/>
          </span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:choose>
          <xsl:when test="normalize-space(.) != ''">
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:when>
          <xsl:otherwise>
            <span class="muted">&#x2013;</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@outcome = 'FAIL' and $support = 'Y'">
          <div class="callout fail">
            <xsl:text>The supplier records a FAIL while its ICS claims </xsl:text>
            <xsl:value-of select="$prov"/>
            <xsl:text> (Y).</xsl:text>
          </div>
        </xsl:if>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="key('ics-entry', $prov)">
            <a href="#ics-{$prov}">
              <xsl:call-template name="support-badge">
                <xsl:with-param name="support" select="$support"/>
              </xsl:call-template>
            </a>
          </xsl:when>
          <xsl:otherwise>
            <span class="muted small">no ICS entry</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="small">
        <xsl:choose>
          <xsl:when test="$tc and key('verdict', @ref)">
            <a href="#v-{@ref}">
              <xsl:call-template name="outcome-badge">
                <xsl:with-param name="outcome" select="key('verdict', @ref)/@result"/>
              </xsl:call-template>
            </a>
          </xsl:when>
          <xsl:when test="$tc">
            <span class="muted">no verdict yet</span>
          </xsl:when>
          <xsl:when test="key('outcome', @ref)">
            <a href="#out-{@ref}">
              <xsl:call-template name="outcome-badge">
                <xsl:with-param name="outcome" select="key('outcome', @ref)/@outcome"/>
                <xsl:with-param name="basis" select="key('outcome', @ref)/@basis"/>
              </xsl:call-template>
            </a>
            <span class="sub-id">outcome</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="muted">&#x2013;</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
