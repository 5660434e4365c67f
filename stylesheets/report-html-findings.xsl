<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-findings.xsl: section 10 of the HTML report, the check findings
  (both layers).

  The counts of the results' summary (r:summary) and one row per finding
  (r:findings/r:finding, mode findings-row): severity, rule, layer and
  gate step, where, the message, the contradicted claim and its fact, the
  hint and the waiver (d:waivers/d:waiver).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-findings; to change the
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

  <xsl:template name="sec-findings">
    <xsl:variable name="f" select="$R/r:findings/r:finding"/>
    <section class="sec" id="s-findings">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">10</xsl:with-param>
        <xsl:with-param name="title">Check findings</xsl:with-param>
        <xsl:with-param name="layer">both</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>What </xsl:text>
        <code>etsi check</code>
        <xsl:text> reports about the dossier</xsl:text>
        <xsl:if test="$date != ''">
          <xsl:text> as of </xsl:text>
          <xsl:value-of select="$S/@as-of"/>
        </xsl:if>
        <xsl:text>, each with the layer it concerns, the gate step it blocks and how to fix it. Waived findings are listed, marked, and block nothing. </xsl:text>
        <xsl:value-of select="$S/@errors"/>
        <xsl:text> errors, </xsl:text>
        <xsl:value-of select="$S/@warnings"/>
        <xsl:text> warnings, </xsl:text>
        <xsl:value-of select="$S/@infos"/>
        <xsl:text> info, </xsl:text>
        <xsl:value-of select="$S/@waived"/>
        <xsl:text> waived.</xsl:text>
      </p>
      <xsl:choose>
        <xsl:when test="$f">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w10">Severity</th>
                <th class="w18">Rule</th>
                <th class="w11">Layer &#xB7; step</th>
                <th class="w14">Where</th>
                <th>Finding</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$f" mode="findings-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No findings: the checks report nothing for this dossier.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- One row per finding: severity, rule, layer and step, where, message. -->
  <xsl:template match="r:finding" mode="findings-row">
    <tr>
      <xsl:if test="@waived = 'true'">
        <xsl:attribute name="class">waived</xsl:attribute>
      </xsl:if>
      <xsl:if test="@claim and count(. | key('claim-finding', concat(@reference, '|', @rule, '|', @fact-line))[1]) = 1">
        <xsl:attribute name="id">
          <xsl:call-template name="claim-anchor"/>
        </xsl:attribute>
      </xsl:if>
      <td>
        <xsl:call-template name="severity-badge">
          <xsl:with-param name="severity" select="@severity"/>
        </xsl:call-template>
        <xsl:if test="@waived = 'true'">
          <span class="sub-id">
            <xsl:text>waived</xsl:text>
            <xsl:if test="@waiver">
              <xsl:text> by </xsl:text>
              <span class="mono">
                <xsl:value-of select="@waiver"/>
              </span>
            </xsl:if>
          </span>
        </xsl:if>
      </td>
      <td class="mono small">
        <xsl:value-of select="@rule"/>
      </td>
      <td class="small nowrap">
        <xsl:call-template name="layer-short">
          <xsl:with-param name="layer" select="@layer"/>
        </xsl:call-template>
        <xsl:if test="@step">
          <span class="sub-id">
            <xsl:value-of select="@step"/>
          </span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:if test="@reference">
          <div class="mono">
            <xsl:value-of select="@reference"/>
          </div>
        </xsl:if>
        <xsl:if test="@element and @element != @reference">
          <div class="mono">
            <xsl:value-of select="@element"/>
          </div>
        </xsl:if>
        <xsl:if test="@line">
          <span class="sub-id">
            <xsl:text>line </xsl:text>
            <xsl:value-of select="@line"/>
          </span>
        </xsl:if>
      </td>
      <td>
        <xsl:value-of select="r:message"/>
        <xsl:if test="@claim">
          <div class="small contra">
            <xsl:text>Claim: </xsl:text>
            <xsl:choose>
              <xsl:when test="key('outcome', @reference) or key('ics-entry', @reference)">
                <a href="#ics-{@reference}">
                  <xsl:value-of select="@claim"/>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="@claim"/>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@fact">
              <xsl:text> &#xB7; contradicted by the recorded fact </xsl:text>
              <span class="fact">
                <xsl:value-of select="@fact"/>
              </span>
            </xsl:if>
            <xsl:if test="@fact-line">
              <xsl:text> (line </xsl:text>
              <xsl:value-of select="@fact-line"/>
              <xsl:text>)</xsl:text>
            </xsl:if>
          </div>
        </xsl:if>
        <xsl:if test="r:hint">
          <div class="hint">
            <xsl:value-of select="r:hint"/>
          </div>
        </xsl:if>
        <xsl:if test="@waived = 'true' and @waiver">
          <xsl:variable name="w" select="key('waiver', @waiver)"/>
          <xsl:if test="$w">
            <div class="small muted">
              <xsl:text>Waiver: </xsl:text>
              <xsl:value-of select="normalize-space($w/d:justification)"/>
              <xsl:if test="$w/@expires">
                <xsl:text> (until </xsl:text>
                <xsl:value-of select="$w/@expires"/>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </div>
          </xsl:if>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
