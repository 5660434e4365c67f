<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html.xsl: the evidence report (etsi report FILE - -format html).

  One self-contained HTML5 file: inline CSS, inline SVG, no script, nothing
  fetched.  For compliance owners, engineers and test laboratories: what
  the dossier claims (EN 303 645 requirement layer), how it is assessed
  (TS 103 701 assessment layer), what is missing, who owns it, and whether
  the release is ready.  Every section names its layer.  Everything
  computed (findings, plan, readiness, outcomes, gate) is read from the
  results in the input; nothing is recomputed here.  Every lookup goes
  through a key (common.xsl), so the cost is linear in the input.

  This file is the driver: the output settings, the values every section
  reads ($D the dossier, $R the results, $S their summary, $REQ and $ASM
  the two catalogs, ...), the page (head, masthead, contents, the sections
  in order, footer) and the list of sections the contents show.  Each
  section is a stylesheet of its own, included below, whose entry is a
  named template (sec-glance, sec-dut, ...) and whose records (rows,
  cards, boxes) are template rules in a mode named after the section:

    report-html-base.xsl      HTML helpers the sections share
    report-html-summary.xsl   summary header, key figures, contents
    report-html-glance.xsl    1 status at a glance (SVG matrix, verdict summary)
    report-html-dut.xsl       2 device, release and parties
    report-html-ics.xsl       3 ICS (Annex B) and contradicted claims
    report-html-boundary.xsl  4 update boundary (SVG and tables)
    report-html-facts.xsl     5 product facts, support period, open questions
    report-html-ixit.xsl      6 IXIT
    report-html-evidence.xsl  7 evidence map
    report-html-plan.xsl      8 test plan and readiness
    report-html-verdicts.xsl  9 outcomes, verdicts, the supplier's self-assessment
    report-html-findings.xsl  10 check findings
    report-html-gate.xsl      11 release gate and workflow

  To change one section, import this file and redefine that section's
  named template, or one of its template rules (same match and mode):
  docs/reports.md, "Your own stylesheet".  docs/reports.md describes each
  section.
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

  <xsl:include href="common.xsl"/>
  <xsl:include href="report-html-base.xsl"/>
  <xsl:include href="report-html-summary.xsl"/>
  <xsl:include href="report-html-glance.xsl"/>
  <xsl:include href="report-html-dut.xsl"/>
  <xsl:include href="report-html-ics.xsl"/>
  <xsl:include href="report-html-boundary.xsl"/>
  <xsl:include href="report-html-facts.xsl"/>
  <xsl:include href="report-html-ixit.xsl"/>
  <xsl:include href="report-html-evidence.xsl"/>
  <xsl:include href="report-html-plan.xsl"/>
  <xsl:include href="report-html-verdicts.xsl"/>
  <xsl:include href="report-html-findings.xsl"/>
  <xsl:include href="report-html-gate.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="D" select="/rp:report/d:dossier"/>
  <xsl:variable name="R" select="/rp:report/r:results"/>
  <xsl:variable name="S" select="$R/r:summary"/>
  <xsl:variable name="REQ" select="/rp:report/c:catalog[@layer = 'requirement']"/>
  <xsl:variable name="ASM" select="/rp:report/c:catalog[@layer = 'assessment']"/>
  <xsl:variable name="EN" select="$D/d:header/d:editions/@en303645"/>
  <xsl:variable name="TS" select="$D/d:header/d:editions/@ts103701"/>
  <xsl:variable name="model">
    <xsl:choose>
      <xsl:when test="normalize-space($D/d:dut/d:model-designation) != ''">
        <xsl:value-of select="normalize-space($D/d:dut/d:model-designation)"/>
      </xsl:when>
      <xsl:otherwise>DUT</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="TL" select="$D/d:header/d:parties/d:party[@role = 'TL'][1]"/>
  <xsl:variable name="SO" select="$D/d:header/d:parties/d:party[@role = 'SO'][1]"/>

  <!-- The sections, in the order of the page: number, anchor, title and
       layer, as the contents list them (report-html-summary.xsl). -->
  <xsl:variable name="sections-rtf">
    <section n="1" id="s-glance" layer="both">Status at a glance</section>
    <section n="2" id="s-dut" layer="facts">Device, release and parties</section>
    <section n="3" id="s-ics" layer="requirement">ICS (Annex B)</section>
    <section n="4" id="s-boundary" layer="facts">Update boundary</section>
    <section n="5" id="s-facts" layer="facts">Product facts</section>
    <section n="6" id="s-ixit" layer="assessment">IXIT</section>
    <section n="7" id="s-evidence" layer="evidence">Evidence map</section>
    <section n="8" id="s-plan" layer="assessment">Test plan and readiness</section>
    <section n="9" id="s-verdicts" layer="assessment">Outcomes and verdicts</section>
    <section n="10" id="s-findings" layer="both">Check findings</section>
    <section n="11" id="s-gate" layer="process">Release gate and workflow</section>
  </xsl:variable>
  <xsl:variable name="sections" select="exsl:node-set($sections-rtf)/section"/>

  <!-- ==== the page ===================================================== -->

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{/rp:report/@generator}"/>
        <title>
          <xsl:value-of select="$model"/>
          <xsl:if test="$D/d:header/d:release/@version">
            <xsl:text> </xsl:text>
            <xsl:value-of select="$D/d:header/d:release/@version"/>
          </xsl:if>
          <xsl:text> &#x2014; EN 303 645 clause 5.3 evidence report</xsl:text>
        </title>
        <style>
          <xsl:call-template name="css"/>
        </style>
      </head>
      <body>
        <main class="sheet">
          <xsl:call-template name="masthead"/>
          <xsl:call-template name="toc"/>
          <xsl:call-template name="sec-glance"/>
          <xsl:call-template name="sec-dut"/>
          <xsl:call-template name="sec-ics"/>
          <xsl:call-template name="sec-boundary"/>
          <xsl:call-template name="sec-facts"/>
          <xsl:call-template name="sec-ixit"/>
          <xsl:call-template name="sec-evidence"/>
          <xsl:call-template name="sec-plan"/>
          <xsl:call-template name="sec-verdicts"/>
          <xsl:call-template name="sec-findings"/>
          <xsl:call-template name="sec-gate"/>
          <footer class="foot">
            <span>
              <xsl:text>Generated by </xsl:text>
              <xsl:value-of select="/rp:report/@generator"/>
              <xsl:if test="/rp:report/@source">
                <xsl:text> from </xsl:text>
                <span class="mono">
                  <xsl:value-of select="/rp:report/@source"/>
                </span>
              </xsl:if>
              <xsl:if test="$date != ''">
                <xsl:text> &#xB7; report date </xsl:text>
                <xsl:value-of select="$date"/>
              </xsl:if>
            </span>
            <span>
              <xsl:text>Catalogs: EN 303 645 V</xsl:text>
              <xsl:value-of select="$REQ/@edition"/>
              <xsl:text> (</xsl:text>
              <xsl:value-of select="$REQ/@date"/>
              <xsl:text>), TS 103 701 V</xsl:text>
              <xsl:value-of select="$ASM/@edition"/>
              <xsl:text> (</xsl:text>
              <xsl:value-of select="$ASM/@date"/>
              <xsl:text>); titles and summaries paraphrased by libetsi</xsl:text>
            </span>
          </footer>
        </main>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
